//! Rubric documentation (placeholder).
