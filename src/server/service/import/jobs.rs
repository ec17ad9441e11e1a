//! Imports that run, with how far each has come, so the page can show a
//! progress bar. Kept in memory: an import runs in one transaction on the
//! server that started it, and its outcome is in the audit log.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::domain::AppError;
use crate::domain::dto::{ImportOutcome, ImportProgress};
use crate::domain::ids::OrgId;

/// How long a finished import's outcome can still be asked for.
const KEEP_FINISHED: Duration = Duration::from_secs(3600);

#[derive(Clone, Debug, Default)]
pub struct ImportJobs(Arc<Mutex<HashMap<uuid::Uuid, Job>>>);

#[derive(Debug)]
struct Job {
    org: OrgId,
    progress: ImportProgress,
    finished_at: Option<Instant>,
}

impl ImportJobs {
    /// Registers an import of `total` rows for `org`.
    pub fn start(&self, org: OrgId, total: u32) -> JobHandle {
        let id = uuid::Uuid::new_v4();
        let mut jobs = self.lock();
        jobs.retain(|_, job| job.finished_at.is_none_or(|at| at.elapsed() < KEEP_FINISHED));
        let progress = ImportProgress { done: 0, total, finished: None };
        jobs.insert(id, Job { org, progress, finished_at: None });
        JobHandle { jobs: self.clone(), id }
    }

    /// How far an import of `org` has come; another organisation's is not found.
    pub fn progress(&self, org: OrgId, id: uuid::Uuid) -> Option<ImportProgress> {
        self.lock().get(&id).filter(|job| job.org == org).map(|job| job.progress.clone())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<uuid::Uuid, Job>> {
        // A panic elsewhere while holding the lock leaves the map usable.
        self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// One running import, as the importer reports on it.
#[derive(Clone, Debug)]
pub struct JobHandle {
    jobs: ImportJobs,
    pub id: uuid::Uuid,
}

impl JobHandle {
    pub fn advance(&self, done: u32) {
        if let Some(job) = self.jobs.lock().get_mut(&self.id) {
            job.progress.done = done;
        }
    }

    pub fn finish(&self, outcome: Result<ImportOutcome, AppError>) {
        if let Some(job) = self.jobs.lock().get_mut(&self.id) {
            if outcome.is_ok() {
                job.progress.done = job.progress.total;
            }
            job.progress.finished = Some(outcome);
            job.finished_at = Some(Instant::now());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn progress_is_told_to_the_organisation_that_started_the_import_only() {
        let jobs = ImportJobs::default();
        let (ours, theirs) = (OrgId(uuid::Uuid::new_v4()), OrgId(uuid::Uuid::new_v4()));
        let job = jobs.start(ours, 200);
        job.advance(50);
        assert_eq!(
            jobs.progress(ours, job.id),
            Some(ImportProgress { done: 50, total: 200, finished: None })
        );
        assert_eq!(jobs.progress(theirs, job.id), None);
        job.finish(Ok(ImportOutcome { created: 200, ..Default::default() }));
        let finished = jobs.progress(ours, job.id).expect("kept");
        assert_eq!(
            (finished.done, finished.finished.map(|outcome| outcome.map(|o| o.created))),
            (200, Some(Ok(200)))
        );
    }
}
