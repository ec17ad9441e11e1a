//! SeaORM entities, one file per table. They never leave the server: pages
//! and server functions exchange DTOs from `domain`.

pub mod organisation;
