# The two commands of the README. Everything they need is installed by
# scripts/setup.sh, idempotently.
.PHONY: run test

run:
	@scripts/run.sh

test:
	@scripts/test.sh
