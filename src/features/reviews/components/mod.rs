mod moment_fields;
mod question_fields;

pub use moment_fields::moment_fields;
pub use question_fields::question_fields;
