mod answer;
mod builder;
mod fields;
mod manage;
mod overview;
mod results;

pub use answer::AnswerSurveyPage;
pub use builder::SurveyBuilderPage;
pub use manage::ManageSurveysPage;
pub use overview::SurveysPage;
pub use results::SurveyResultsPage;
