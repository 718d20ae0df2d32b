//! Fixed-size sets of vocabulary values, for the list fields of a record.

use core::fmt;
use core::marker::PhantomData;

use crate::codes::{HandlingFailure, MaliceSignal, Profile, Right, Threat, Vulnerability};
use crate::gates::Gate;
use crate::playbook::Step;

/// A vocabulary that fits in a 16-bit set.
pub trait Flag: Copy + 'static {
    /// Every value, in index order.
    const ALL: &'static [Self];
    /// The value's bit position.
    fn bit(self) -> u8;
    /// The value's JSON code.
    fn flag_code(self) -> &'static str;
}

macro_rules! impl_flag {
    ($($t:ty),+) => {$(
        impl Flag for $t {
            const ALL: &'static [Self] = <$t>::ALL;
            fn bit(self) -> u8 { self.index() }
            fn flag_code(self) -> &'static str { self.code() }
        }
        const _: () = assert!(<$t>::COUNT <= 16);
    )+};
}

impl_flag!(
    Right,
    Threat,
    Profile,
    MaliceSignal,
    HandlingFailure,
    Vulnerability,
    Gate,
    Step
);

/// A set of vocabulary values, stored as a bit mask (bit `i` = the value with index `i`).
///
/// Adding a value twice is the same as adding it once.
pub struct FlagSet<T: Flag> {
    bits: u16,
    _kind: PhantomData<T>,
}

impl<T: Flag + crate::codes::Code> FlagSet<T> {
    /// The vocabulary of the set's values.
    pub const VOCABULARY: crate::codes::Vocabulary = T::VOCABULARY;
}

impl<T: Flag> FlagSet<T> {
    /// Every value's bit: the largest valid set.
    pub const ALL_BITS: u16 = Self::from_bits_truncate(u16::MAX).bits;

    /// The empty set.
    pub const EMPTY: Self = Self::from_bits_truncate(0);

    /// The set with exactly these bits; bits with no value are dropped.
    pub const fn from_bits_truncate(bits: u16) -> Self {
        let valid = if T::ALL.len() >= 16 {
            u16::MAX
        } else {
            (1u16 << T::ALL.len()) - 1
        };
        FlagSet {
            bits: bits & valid,
            _kind: PhantomData,
        }
    }

    /// The set with exactly these bits, or `None` if a bit names no value.
    pub const fn from_bits(bits: u16) -> Option<Self> {
        let set = Self::from_bits_truncate(bits);
        if set.bits == bits {
            Some(set)
        } else {
            None
        }
    }

    /// The bit mask.
    pub const fn bits(self) -> u16 {
        self.bits
    }

    /// Adds a value.
    pub fn insert(&mut self, value: T) {
        self.bits |= 1 << value.bit();
    }

    /// The set with one more value.
    #[must_use]
    pub fn with(mut self, value: T) -> Self {
        self.insert(value);
        self
    }

    /// Whether the value is in the set.
    pub fn contains(self, value: T) -> bool {
        self.bits & (1 << value.bit()) != 0
    }

    /// Whether the set is empty.
    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// How many values the set holds.
    pub const fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Both sets together.
    #[must_use]
    pub const fn union(self, other: Self) -> Self {
        FlagSet {
            bits: self.bits | other.bits,
            _kind: PhantomData,
        }
    }

    /// The values in this set that are not in `other`.
    #[must_use]
    pub const fn difference(self, other: Self) -> Self {
        FlagSet {
            bits: self.bits & !other.bits,
            _kind: PhantomData,
        }
    }

    /// The values, in index order.
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |v| self.contains(*v))
    }
}

impl<T: Flag> Clone for FlagSet<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Flag> Copy for FlagSet<T> {}
impl<T: Flag> PartialEq for FlagSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<T: Flag> Eq for FlagSet<T> {}
impl<T: Flag> core::hash::Hash for FlagSet<T> {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}
impl<T: Flag> Default for FlagSet<T> {
    fn default() -> Self {
        Self::EMPTY
    }
}

impl<T: Flag> FromIterator<T> for FlagSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Self::EMPTY;
        for v in iter {
            set.insert(v);
        }
        set
    }
}

impl<T: Flag> fmt::Debug for FlagSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.iter().map(Flag::flag_code))
            .finish()
    }
}

impl<T: Flag> serde::Serialize for FlagSet<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.iter().map(Flag::flag_code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_is_idempotent_and_iterates_in_index_order() {
        let mut s = FlagSet::<Threat>::EMPTY;
        s.insert(Threat::Lawsuit);
        s.insert(Threat::Media);
        s.insert(Threat::Lawsuit);
        assert_eq!(s.len(), 2);
        let v: std::vec::Vec<_> = s.iter().collect();
        assert_eq!(v, [Threat::Media, Threat::Lawsuit]);
    }

    #[test]
    fn from_bits_rejects_bits_without_a_value() {
        assert!(FlagSet::<Threat>::from_bits(0b11_1111).is_some());
        assert!(FlagSet::<Threat>::from_bits(0b100_0000).is_none());
        assert_eq!(
            FlagSet::<Threat>::from_bits_truncate(0xffff).bits(),
            0b11_1111
        );
    }
}
