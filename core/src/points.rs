//! The points table of a policy: every factor's points, kept as written and
//! packed for summing.
//!
//! Grading adds the rows of the factors that apply, five dimensions each.
//! Added lane by lane that is five loads, five sign extensions and five
//! additions per factor; packed, it is one 128-bit addition. Each row is
//! packed once, when it is set, as five 24-bit lanes holding `points +
//! 32768` (so every lane is a non-negative number below 2^16). A sum of `n`
//! packed rows then holds, in each lane, the dimension's sum plus `n *
//! 32768`: below 2^24 as long as `n < 256`, so no lane ever carries into the
//! next, and the exact `i32` sums come back by subtracting the bias. A
//! grading adds at most [`MAX_ADDS`] rows, well under that bound, whatever
//! the points (any `i16` works, not only the validated range).
//!
//! With the `small-flash` feature the packed rows are not stored: each is
//! packed from its written row when it is read. A policy then takes 2.3 KiB
//! less (in flash, for the firmware's default policy), grading packs a row
//! per factor it adds, and every sum is the same.

use crate::codes::Dimension;
use crate::factor::{Factor, Points, FACTOR_COUNT};

/// Width of one packed lane, in bits.
const LANE_BITS: u32 = 24;
/// What each lane holds besides its points, so that it is never negative.
const BIAS: i32 = 1 << 15;
/// Most rows one grading adds (each single-valued field, band, flag and list
/// value once, with margin); the lanes stay exact up to 255.
pub(crate) const MAX_ADDS: i32 = 128;

const _: () = assert!(MAX_ADDS * (1 << 16) <= 1 << LANE_BITS);
const _: () = assert!(LANE_BITS * Dimension::COUNT as u32 <= 128);

/// A row of points, packed: lane `d` holds `points[d] + 32768`.
const fn pack(points: &Points) -> u128 {
    let mut packed = 0u128;
    let mut d = 0;
    while d < Dimension::COUNT {
        let biased = (points[d] as i32 + BIAS) as u128;
        packed |= biased << (LANE_BITS * d as u32);
        d += 1;
    }
    packed
}

/// Every factor's points per dimension (see [`Points`]), indexed by factor.
///
/// Read a row with [`PointsTable::get`] or iterate with
/// [`PointsTable::iter`]; change one with [`PointsTable::set`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PointsTable {
    /// The rows as written, followed by one zero row (index
    /// [`NOT_APPLYING`]).
    rows: [Points; TABLE_ROWS],
    /// The rows packed, as (low, high) 64-bit halves (so that a policy needs
    /// no 16-byte alignment, which C callers' storage does not promise),
    /// followed by one packed zero row: index [`NOT_APPLYING`] is what a
    /// factor that does not apply adds. Not stored with `small-flash`.
    #[cfg(not(feature = "small-flash"))]
    packed: [[u64; 2]; TABLE_ROWS],
}

/// Index of the packed zero row: what a factor that does not apply adds.
pub(crate) const NOT_APPLYING: usize = FACTOR_COUNT;
/// Rows of the tables: the factors and one zero row. (Not rounded up to a
/// power of two for a masked index: the padding would be 2.9 KiB of every
/// policy, in flash on a Cortex-M, to save one predictable comparison.)
const TABLE_ROWS: usize = FACTOR_COUNT + 1;

// Unused with `small-flash`, which stores no packed rows.
#[cfg_attr(feature = "small-flash", allow(dead_code))]
const fn halves(packed: u128) -> [u64; 2] {
    [packed as u64, (packed >> 64) as u64]
}

impl PointsTable {
    /// A table holding these rows.
    pub const fn new(rows: [Points; FACTOR_COUNT]) -> PointsTable {
        let mut padded = [[0; Dimension::COUNT]; TABLE_ROWS];
        #[cfg(not(feature = "small-flash"))]
        let mut packed = [halves(pack(&[0; Dimension::COUNT])); TABLE_ROWS];
        let mut i = 0;
        while i < FACTOR_COUNT {
            padded[i] = rows[i];
            #[cfg(not(feature = "small-flash"))]
            {
                packed[i] = halves(pack(&rows[i]));
            }
            i += 1;
        }
        PointsTable {
            rows: padded,
            #[cfg(not(feature = "small-flash"))]
            packed,
        }
    }

    /// The points of `factor`.
    pub fn get(&self, factor: Factor) -> Points {
        self.rows
            .get(factor.index())
            .copied()
            .unwrap_or([0; Dimension::COUNT])
    }

    /// Sets the points of `factor`.
    pub fn set(&mut self, factor: Factor, points: Points) {
        if factor.index() >= FACTOR_COUNT {
            return;
        }
        #[cfg(not(feature = "small-flash"))]
        if let (Some(row), Some(packed)) = (
            self.rows.get_mut(factor.index()),
            self.packed.get_mut(factor.index()),
        ) {
            *row = points;
            *packed = halves(pack(&points));
        }
        #[cfg(feature = "small-flash")]
        if let Some(row) = self.rows.get_mut(factor.index()) {
            *row = points;
        }
    }

    /// Every row, in factor order.
    pub fn iter(&self) -> core::slice::Iter<'_, Points> {
        self.rows().iter()
    }

    /// The rows, in factor order.
    pub fn rows(&self) -> &[Points; FACTOR_COUNT] {
        const NONE: [Points; FACTOR_COUNT] = [[0; Dimension::COUNT]; FACTOR_COUNT];
        // Always `Some`: the padded table is longer than the factor list.
        self.rows.first_chunk().unwrap_or(&NONE)
    }

    /// The row at `index` (a factor's index, or [`NOT_APPLYING`]): as
    /// written, and packed.
    #[inline(always)]
    pub(crate) fn row_at(&self, index: usize) -> (Points, u128) {
        let row = self.rows.get(index).copied();
        (row.unwrap_or([0; Dimension::COUNT]), self.packed_at(index))
    }

    /// The packed row at `index` (a factor's index, or [`NOT_APPLYING`]).
    #[cfg(not(feature = "small-flash"))]
    #[inline(always)]
    pub(crate) fn packed_at(&self, index: usize) -> u128 {
        // Every index is in the table; past it reads as the zero row.
        let zero = const { halves(pack(&[0; Dimension::COUNT])) };
        let [low, high] = self.packed.get(index).copied().unwrap_or(zero);
        u128::from(low) | (u128::from(high) << 64)
    }

    /// The packed row at `index` (a factor's index, or [`NOT_APPLYING`]),
    /// packed from the written row: `small-flash` stores no packed rows.
    // Not inlined: grading reads a row at every factor it adds, and one
    // copy of the packing is what saves the flash.
    #[cfg(feature = "small-flash")]
    #[inline(never)]
    pub(crate) fn packed_at(&self, index: usize) -> u128 {
        pack(
            &self
                .rows
                .get(index)
                .copied()
                .unwrap_or([0; Dimension::COUNT]),
        )
    }
}

/// Whether a packed row moves any score.
#[inline(always)]
pub(crate) const fn moves(packed: u128) -> bool {
    packed != pack(&[0; Dimension::COUNT])
}

/// The exact per-dimension sums of `adds` packed rows summed into `packed`.
#[inline(always)]
pub(crate) fn unpack_sum(packed: u128, adds: i32) -> [i32; Dimension::COUNT] {
    let bias = adds * BIAS;
    core::array::from_fn(|d| {
        let lane = (packed >> (LANE_BITS * d as u32)) as u32 & ((1 << LANE_BITS) - 1);
        // Below 2^24: the reinterpretation keeps the value.
        lane.cast_signed() - bias
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_of_extreme_rows_are_exact() {
        let mut table = PointsTable::new([[0; Dimension::COUNT]; FACTOR_COUNT]);
        table.set(Factor(0), [i16::MIN, i16::MAX, -1, 0, 1]);
        table.set(Factor(1), [i16::MIN, i16::MAX, i16::MIN, i16::MAX, -7]);
        let mut packed = 0u128;
        let mut expected = [0i32; Dimension::COUNT];
        let adds = MAX_ADDS;
        for n in 0..adds {
            let index = [0, 1, NOT_APPLYING][n as usize % 3];
            packed += table.packed_at(index);
            let row = table.row_at(index).0;
            for (e, p) in expected.iter_mut().zip(row) {
                *e += i32::from(p);
            }
        }
        assert_eq!(unpack_sum(packed, adds), expected);
    }

    #[test]
    fn set_repacks_and_get_reads_back() {
        let mut table = PointsTable::new([[0; Dimension::COUNT]; FACTOR_COUNT]);
        assert!(!moves(table.packed_at(5)));
        table.set(Factor(5), [0, 0, 0, 0, -3]);
        assert_eq!(table.get(Factor(5)), [0, 0, 0, 0, -3]);
        assert!(moves(table.packed_at(5)));
        assert_eq!(unpack_sum(table.packed_at(5), 1), [0, 0, 0, 0, -3]);
        assert!(!moves(table.packed_at(NOT_APPLYING)));
    }
}
