//! The portal's languages and the words of its interface in each: the bottom layer, which imports
//! nothing else of the portal.

mod en;
mod fi;
mod lang;
mod sv;
mod texts;

pub use lang::Lang;
pub use texts::Texts;
