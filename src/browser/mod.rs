//! The browser glue under the components and views: the address and moves between views, the
//! language kept between visits, loading the content, the body index built between frames, offline,
//! and the editors' preview.

pub mod frames;
pub mod indexing;
pub mod language_memory;
pub mod load;
pub mod navigation;
pub mod offline;
pub mod preview;
