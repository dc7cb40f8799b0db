//! One folder per widget; `shared` holds what they have in common.

pub mod forum;
pub mod matrix;
pub mod pledges;
pub mod shared;
