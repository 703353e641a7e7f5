//! What one page runs through templates, besides its layout: its shortcodes
//! (Tera and Go), its customisation parts (the site's partials at learn's and
//! relearn's customisation points), and relearn's hooks on its rendered body.

pub mod layout;
pub mod parts;
pub mod relearn_hooks;
pub mod shortcodes;
