//! What the Cortex-M programs share: the panic handler that makes any
//! reachable panic a link error, stack painting, and semihosting output.
//!
//! ## The panic-free check
//! The `#[panic_handler]` that [`panic_is_a_link_error!`] defines calls
//! `reachable_panic_in_complaint_triage`,
//! a symbol that exists nowhere. In a release build (fat LTO, one codegen
//! unit) the optimiser removes every panic it can prove unreachable; if any
//! call to the handler survives, linking fails with an undefined reference
//! to that name. So each binary of this crate links only if no panic path
//! is reachable from the core functions it calls.
#![no_std]

use core::panic::PanicInfo;

/// Defines the binary's `#[panic_handler]` as a call to an undefined
/// symbol, so that the binary links only if no panic is reachable.
#[macro_export]
macro_rules! panic_is_a_link_error {
    () => {
        extern "C" {
            /// Deliberately undefined: see the crate documentation.
            fn reachable_panic_in_complaint_triage() -> !;
        }

        #[panic_handler]
        fn panic(_: &core::panic::PanicInfo) -> ! {
            // SAFETY: never linked in a passing build; if it is, the link fails.
            unsafe { reachable_panic_in_complaint_triage() }
        }
    };
}

extern "C" {
    /// cortex-m-rt's handler of any exception or interrupt without its own.
    fn DefaultHandler();
}

/// The interrupt part of the vector table, after the 16 system exceptions.
/// These programs enable no interrupt, so one entry (the least the linker
/// script of cortex-m-rt accepts) instead of its generic 240 saves 956 bytes
/// of flash; a device program that enables interrupts lists them here.
#[link_section = ".vector_table.interrupts"]
#[no_mangle]
pub static __INTERRUPTS: [unsafe extern "C" fn(); 1] = [DefaultHandler];

/// The golden program's panic handler: say where, and exit with failure.
pub fn report_panic(info: &PanicInfo) -> ! {
    use core::fmt::Write as _;
    if let Ok(mut out) = cortex_m_semihosting::hio::hstdout() {
        let _ = writeln!(out, "PANIC {info}");
    }
    cortex_m_semihosting::debug::exit(cortex_m_semihosting::debug::EXIT_FAILURE);
    loop {}
}

/// Bytes below the stack pointer painted before a measured call.
pub const PAINT_BYTES: usize = 32 * 1024;
/// Bytes just below the stack pointer left alone (the painting loop's own
/// frame and the call sequence).
const MARGIN: usize = 64;
const PAINT: u32 = 0xC0DE_CAFE;

/// Calls `f` in a frame of its own, below the painted start, so that
/// whatever of `f` is inlined here is counted too.
#[inline(never)]
fn call<R>(f: impl FnOnce() -> R) -> R {
    f()
}

/// Runs `f` and returns its result with the deepest stack it used, in bytes
/// below the stack pointer at the call (its output, held by the caller's
/// frame, is not counted). Stack painting: fill the free stack with a
/// pattern, run, find the lowest word no longer holding the pattern.
#[inline(never)]
pub fn measure_stack<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let sp = cortex_m::register::msp::read() as usize;
    let top = sp - MARGIN;
    let bottom = top - PAINT_BYTES;
    let mut a = bottom;
    while a < top {
        // SAFETY: [bottom, top) is free stack below the live frames (the
        // stack spans megabytes of RAM; memory.x).
        unsafe { core::ptr::write_volatile(a as *mut u32, PAINT) };
        a += 4;
    }
    let r = core::hint::black_box(call(f));
    let mut lowest = top;
    let mut a = bottom;
    while a < top {
        // SAFETY: as above; reading back what was painted or written.
        if unsafe { core::ptr::read_volatile(a as *const u32) } != PAINT {
            lowest = a;
            break;
        }
        a += 4;
    }
    (r, sp - lowest)
}
