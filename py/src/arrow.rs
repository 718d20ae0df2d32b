//! Reading Arrow arrays through the Arrow C data interface, without copying.
//!
//! A frame reaches this crate as record batches exported with the Arrow
//! PyCapsule interface (`__arrow_c_array__`): one `ArrowSchema` and one
//! `ArrowArray` per batch, both owned by their capsules, which the caller
//! keeps alive for as long as the views built here are used. Only the
//! layouts a record can need are read: null, boolean, integers, floats,
//! UTF-8 strings (32- and 64-bit offsets), dictionaries of those, lists
//! (32- and 64-bit offsets) and structs (the batch itself). Every other
//! layout is reported by its format string, and every offset is bounds
//! checked, so a malformed array is an error rather than undefined behaviour.

use std::ffi::{c_char, c_void, CStr};

/// `struct ArrowSchema` of the C data interface.
#[repr(C)]
pub struct FfiSchema {
    format: *const c_char,
    name: *const c_char,
    metadata: *const c_char,
    flags: i64,
    n_children: i64,
    children: *mut *mut FfiSchema,
    dictionary: *mut FfiSchema,
    release: Option<unsafe extern "C" fn(*mut FfiSchema)>,
    private_data: *mut c_void,
}

/// `struct ArrowArray` of the C data interface.
#[repr(C)]
pub struct FfiArray {
    length: i64,
    null_count: i64,
    offset: i64,
    n_buffers: i64,
    n_children: i64,
    buffers: *mut *const c_void,
    children: *mut *mut FfiArray,
    dictionary: *mut FfiArray,
    release: Option<unsafe extern "C" fn(*mut FfiArray)>,
    private_data: *mut c_void,
}

/// A validity or boolean bitmap, starting at bit `offset`.
#[derive(Clone, Copy)]
pub struct Bitmap<'a> {
    bits: &'a [u8],
    offset: usize,
}

impl Bitmap<'_> {
    /// Bits `i..i + 64` as a word, bit `i` lowest (zero past the end).
    #[inline(always)]
    pub fn word(&self, i: usize) -> u64 {
        let j = self.offset + i;
        let (at, shift) = (j >> 3, j & 7);
        let mut bytes = [0u8; 16];
        if let Some(b) = self.bits.get(at..at + 9) {
            bytes[..9].copy_from_slice(b);
        } else if let Some(b) = self.bits.get(at..) {
            bytes[..b.len()].copy_from_slice(b);
        }
        (u128::from_le_bytes(bytes) >> shift) as u64
    }

    /// Bit `i` (false past the end).
    #[inline(always)]
    pub fn get(&self, i: usize) -> bool {
        let j = self.offset + i;
        self.bits
            .get(j >> 3)
            .is_some_and(|b| (b >> (j & 7)) & 1 == 1)
    }
}

/// The offsets of a string or list array, already moved to its first element.
#[derive(Clone, Copy)]
pub enum Offsets<'a> {
    /// 32-bit offsets.
    I32(&'a [i32]),
    /// 64-bit offsets.
    I64(&'a [i64]),
}

impl Offsets<'_> {
    /// The range of element `i`, if the offsets are sound.
    #[inline(always)]
    pub fn range(&self, i: usize) -> Option<(usize, usize)> {
        let (s, e) = match self {
            Offsets::I32(o) => (i64::from(*o.get(i)?), i64::from(*o.get(i + 1)?)),
            Offsets::I64(o) => (*o.get(i)?, *o.get(i + 1)?),
        };
        if s < 0 || e < s {
            return None;
        }
        Some((usize::try_from(s).ok()?, usize::try_from(e).ok()?))
    }
}

/// A string's length and first and last 8 bytes (see [`Strings::key`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrKey {
    /// Length in bytes.
    pub len: usize,
    /// The first 8 bytes, little-endian, zero past the end.
    pub first: u64,
    /// The last 8 bytes (the first ones for strings shorter than 8).
    pub last: u64,
}

impl StrKey {
    /// The key of a byte string.
    pub fn of(b: &[u8]) -> StrKey {
        let n = b.len();
        let load = |w: &[u8]| {
            w.iter()
                .rev()
                .fold(0u64, |acc, &x| (acc << 8) | u64::from(x))
        };
        let first = load(&b[..n.min(8)]);
        let last = if n >= 8 { load(&b[n - 8..]) } else { first };
        StrKey {
            len: n,
            first,
            last,
        }
    }
}

/// UTF-8 strings.
#[derive(Clone, Copy)]
pub struct Strings<'a> {
    offsets: Offsets<'a>,
    data: &'a [u8],
}

impl<'a> Strings<'a> {
    /// Strings over the given offsets and data (for tests).
    #[cfg(test)]
    pub fn for_tests(offsets: &'a [i32], data: &'a [u8]) -> Self {
        Strings {
            offsets: Offsets::I32(offsets),
            data,
        }
    }

    /// The offsets.
    #[inline(always)]
    pub fn offsets(&self) -> Offsets<'a> {
        self.offsets
    }

    /// Length of the data buffer.
    #[inline(always)]
    pub fn data_len(&self) -> usize {
        self.data.len()
    }

    /// The bytes of string `i`, if the offsets are sound.
    #[inline(always)]
    pub fn bytes(&self, i: usize) -> Option<&'a [u8]> {
        let (s, e) = self.offsets.range(i)?;
        self.data.get(s..e)
    }

    /// The length and first and last 8 bytes of string `i` (as little-endian
    /// words, zero beyond the string): together they are the whole string
    /// when it is 16 bytes or shorter.
    #[inline(always)]
    pub fn key(&self, i: usize) -> Option<StrKey> {
        let (s, e) = self.offsets.range(i)?;
        if e > self.data.len() {
            return None;
        }
        let n = e - s;
        let word = |at: usize| -> Option<u64> {
            self.data
                .get(at..at + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
                .map(u64::from_le_bytes)
        };
        // Whole words around the string (bytes of its neighbours masked
        // off or not used), without a branch on its length.
        if let (Some(head), Some(tail)) = (word(s), word(e.saturating_sub(8))) {
            let keep = ((1u128 << (8 * n.min(8))) - 1) as u64;
            let first = head & keep;
            let last = std::hint::select_unpredictable(n >= 8, tail, first);
            return Some(StrKey {
                len: n,
                first,
                last,
            });
        }
        // Near the ends of the data: byte by byte.
        let b = self.data.get(s..e)?;
        Some(StrKey::of(b))
    }

    /// String `i`, if the offsets are sound and it is valid UTF-8.
    #[inline(always)]
    pub fn get(&self, i: usize) -> Option<&'a str> {
        let bytes = self.bytes(i)?;
        if bytes.is_ascii() {
            // SAFETY: ASCII is valid UTF-8. (Codes and most ids are short
            // ASCII strings; this check is much cheaper than a full
            // validation for them.)
            Some(unsafe { std::str::from_utf8_unchecked(bytes) })
        } else {
            std::str::from_utf8(bytes).ok()
        }
    }
}

/// The values of a column, by layout.
pub enum Values<'a> {
    /// Every value is null.
    Null,
    /// Booleans.
    Bool(Bitmap<'a>),
    /// Signed integers.
    I8(&'a [i8]),
    /// Signed integers.
    I16(&'a [i16]),
    /// Signed integers.
    I32(&'a [i32]),
    /// Signed integers.
    I64(&'a [i64]),
    /// Unsigned integers.
    U8(&'a [u8]),
    /// Unsigned integers.
    U16(&'a [u16]),
    /// Unsigned integers.
    U32(&'a [u32]),
    /// Unsigned integers.
    U64(&'a [u64]),
    /// Floats.
    F32(&'a [f32]),
    /// Floats.
    F64(&'a [f64]),
    /// UTF-8 strings.
    Str(Strings<'a>),
    /// Dictionary-encoded values: integer keys into `values`.
    Dict {
        /// The keys (an integer column).
        keys: Box<Column<'a>>,
        /// The dictionary.
        values: Box<Column<'a>>,
    },
    /// Lists.
    List {
        /// Offsets into `child`.
        offsets: Offsets<'a>,
        /// The elements.
        child: Box<Column<'a>>,
    },
    /// A struct: named child columns (a record batch).
    Struct(Vec<(String, Column<'a>)>),
    /// A layout this crate does not read (a struct's child), by its format
    /// string or the reason it could not be read.
    Other(String),
}

/// One column: its values and which of them are valid (not null).
pub struct Column<'a> {
    /// Number of values.
    pub len: usize,
    validity: Option<Bitmap<'a>>,
    /// The values.
    pub values: Values<'a>,
}

impl Column<'_> {
    /// Whether value `i` is not null.
    #[inline(always)]
    pub fn is_valid(&self, i: usize) -> bool {
        i < self.len && self.validity.is_none_or(|v| v.get(i))
    }

    /// The validity bitmap, if the column may hold nulls.
    #[inline(always)]
    pub fn validity(&self) -> Option<Bitmap<'_>> {
        self.validity
    }

    /// Value `i` of an integer column, widened, if valid.
    #[inline(always)]
    pub fn int_at(&self, i: usize) -> Option<i128> {
        if !self.is_valid(i) {
            return None;
        }
        Some(match &self.values {
            Values::I8(s) => i128::from(*s.get(i)?),
            Values::I16(s) => i128::from(*s.get(i)?),
            Values::I32(s) => i128::from(*s.get(i)?),
            Values::I64(s) => i128::from(*s.get(i)?),
            Values::U8(s) => i128::from(*s.get(i)?),
            Values::U16(s) => i128::from(*s.get(i)?),
            Values::U32(s) => i128::from(*s.get(i)?),
            Values::U64(s) => i128::from(*s.get(i)?),
            _ => return None,
        })
    }
}

/// A layout this crate does not read, by its Arrow format string.
#[derive(Debug)]
pub struct Unsupported(pub String);

fn check(cond: bool, what: &str) -> Result<(), Unsupported> {
    if cond {
        Ok(())
    } else {
        Err(Unsupported(format!("malformed Arrow array ({what})")))
    }
}

/// Reads buffer `i` as `n` values of `T`.
///
/// # Safety
/// `array` must be a valid, unreleased `ArrowArray` whose buffer `i` holds
/// at least `n` values of `T`, alive for `'a`.
unsafe fn buffer<T>(array: &FfiArray, i: usize, n: usize) -> Result<&[T], Unsupported> {
    check(
        i64::try_from(i).is_ok_and(|i| i < array.n_buffers),
        "missing buffer",
    )?;
    check(!array.buffers.is_null(), "null buffer list")?;
    let ptr = *array.buffers.add(i) as *const T;
    if n == 0 {
        return Ok(&[]);
    }
    check(!ptr.is_null(), "null buffer")?;
    check(
        ptr.align_offset(std::mem::align_of::<T>()) == 0,
        "misaligned buffer",
    )?;
    Ok(std::slice::from_raw_parts(ptr, n))
}

fn usize_of(v: i64, what: &str) -> Result<usize, Unsupported> {
    usize::try_from(v).map_err(|_| Unsupported(format!("malformed Arrow array ({what})")))
}

/// Imports a column: `len` values starting `extra_offset` values into the
/// array (a struct's children are offset by the struct's own offset).
///
/// # Safety
/// `schema` and `array` must be valid, unreleased and matching C data
/// interface structures, alive for `'a`.
pub unsafe fn import<'a>(
    schema: &'a FfiSchema,
    array: &'a FfiArray,
    extra_offset: usize,
    len: Option<usize>,
) -> Result<Column<'a>, Unsupported> {
    check(!schema.format.is_null(), "no format")?;
    let format = CStr::from_ptr(schema.format).to_string_lossy().into_owned();
    let own_len = usize_of(array.length, "length")?;
    let offset = usize_of(array.offset, "offset")?
        .checked_add(extra_offset)
        .ok_or_else(|| Unsupported("malformed Arrow array (offset)".into()))?;
    let len = len.unwrap_or(own_len);
    check(
        extra_offset
            .checked_add(len)
            .is_some_and(|end| end <= own_len),
        "length",
    )?;
    let end = offset + len;

    let no_bitmap = array.n_buffers == 0 || array.buffers.is_null() || (*array.buffers).is_null();
    let validity = if array.null_count == 0 || no_bitmap || format == "n" {
        None
    } else {
        let bits: &[u8] = buffer(array, 0, end.div_ceil(8))?;
        (!bits.is_empty()).then_some(Bitmap { bits, offset })
    };

    if !schema.dictionary.is_null() {
        check(!array.dictionary.is_null(), "dictionary missing")?;
        let keys_values = import_plain(&format, array, offset, len)?;
        let keys = Column {
            len,
            validity,
            values: keys_values,
        };
        check(keys.int_values(), "dictionary keys must be integers")?;
        let values = import(&*schema.dictionary, &*array.dictionary, 0, None)?;
        return Ok(Column {
            len,
            validity,
            values: Values::Dict {
                keys: Box::new(keys),
                values: Box::new(values),
            },
        });
    }

    let values = match format.as_str() {
        "+l" | "+L" => {
            check(
                array.n_children == 1 && schema.n_children == 1,
                "list child",
            )?;
            check(
                !schema.children.is_null()
                    && !array.children.is_null()
                    && !(*schema.children).is_null()
                    && !(*array.children).is_null(),
                "list child",
            )?;
            let offsets = if format == "+l" {
                Offsets::I32(&buffer::<i32>(array, 1, end + 1)?[offset..])
            } else {
                Offsets::I64(&buffer::<i64>(array, 1, end + 1)?[offset..])
            };
            let child = import(&**schema.children, &**array.children, 0, None)?;
            Values::List {
                offsets,
                child: Box::new(child),
            }
        }
        "+s" => {
            check(array.n_children == schema.n_children, "struct children")?;
            let n = usize_of(array.n_children, "children")?;
            check(
                n == 0 || (!schema.children.is_null() && !array.children.is_null()),
                "struct children",
            )?;
            let mut children = Vec::with_capacity(n);
            for c in 0..n {
                let (s, a) = (*schema.children.add(c), *array.children.add(c));
                check(!s.is_null() && !a.is_null(), "struct child")?;
                let (s, a) = (&*s, &*a);
                let name = if s.name.is_null() {
                    String::new()
                } else {
                    CStr::from_ptr(s.name).to_string_lossy().into_owned()
                };
                // A column this crate cannot read only matters if it is a
                // field of the record: keep its format for the message.
                let col = import(s, a, offset, Some(len)).unwrap_or_else(|Unsupported(f)| Column {
                    len,
                    validity: None,
                    values: Values::Other(f),
                });
                children.push((name, col));
            }
            Values::Struct(children)
        }
        f => import_plain(f, array, offset, len)?,
    };
    Ok(Column {
        len,
        validity,
        values,
    })
}

/// Imports the values of a flat (non-nested) layout.
unsafe fn import_plain<'a>(
    format: &str,
    array: &'a FfiArray,
    offset: usize,
    len: usize,
) -> Result<Values<'a>, Unsupported> {
    let end = offset + len;
    macro_rules! prim {
        ($v:ident, $t:ty) => {
            Values::$v(&buffer::<$t>(array, 1, end)?[offset..])
        };
    }
    Ok(match format {
        "n" => Values::Null,
        "b" => Values::Bool(Bitmap {
            bits: buffer(array, 1, end.div_ceil(8))?,
            offset,
        }),
        "c" => prim!(I8, i8),
        "s" => prim!(I16, i16),
        "i" => prim!(I32, i32),
        "l" => prim!(I64, i64),
        "C" => prim!(U8, u8),
        "S" => prim!(U16, u16),
        "I" => prim!(U32, u32),
        "L" => prim!(U64, u64),
        "f" => prim!(F32, f32),
        "g" => prim!(F64, f64),
        "u" | "U" => {
            let (offsets, last) = if format == "u" {
                let o = &buffer::<i32>(array, 1, end + 1)?[offset..];
                (Offsets::I32(o), i64::from(*o.last().unwrap_or(&0)))
            } else {
                let o = &buffer::<i64>(array, 1, end + 1)?[offset..];
                (Offsets::I64(o), *o.last().unwrap_or(&0))
            };
            let data = buffer::<u8>(array, 2, usize_of(last, "string offsets")?)?;
            Values::Str(Strings { offsets, data })
        }
        other => return Err(Unsupported(other.to_string())),
    })
}

impl Column<'_> {
    fn int_values(&self) -> bool {
        matches!(
            self.values,
            Values::I8(_)
                | Values::I16(_)
                | Values::I32(_)
                | Values::I64(_)
                | Values::U8(_)
                | Values::U16(_)
                | Values::U32(_)
                | Values::U64(_)
        )
    }
}
