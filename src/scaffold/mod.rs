//! `labsite new`: a new workshop site ([`site`]) and new pages from archetypes
//! ([`archetype`]), as `hugo new site` and `hugo new content` make them.

pub mod archetype;
pub mod site;

pub use archetype::{NewContent, new_content};
pub use site::new_site;
