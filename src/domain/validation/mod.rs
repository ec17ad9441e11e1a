//! Input rules, run in the browser for quick feedback and again on the server.

mod redirect;

pub use redirect::local_path_or_home;
