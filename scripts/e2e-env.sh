# Sourced by e2e-server.sh and e2e-run-jobs.sh: the configuration of the
# end-to-end server on port $1 — its own database, files, keys and the real
# SMTP server on the port plus 1000 — so a second process (the jobs, run
# with an injected clock) works on the same data.
port=${1:?usage: source e2e-env.sh PORT}
data="/tmp/koers-e2e-$port"
smtp_port=$((port + 1000))
sms_port=$((port + 2000))

export KOERS_SITE_ADDRESS="127.0.0.1:$port"
export KOERS_SITE_PUBLIC_URL="http://127.0.0.1:$port"
export KOERS_SITE_DATA_DIRECTORY="$data"
export KOERS_DATABASE_URL="sqlite://$data/koers.db?mode=rwc"
export KOERS_STORAGE_DIRECTORY="$data/files"
export KOERS_SECURITY_KEY_STORE_DIRECTORY="$data/keys"
export KOERS_MAIL_SMTP_URL="smtp://127.0.0.1:$smtp_port"
export KOERS_MAIL_OUTBOX_DIRECTORY="$data/outbox/mail"
export KOERS_SMS_PROVIDER_URL="http://127.0.0.1:$sms_port/messages"
export KOERS_SMS_PROVIDER_TOKEN="e2e-provider-token"
export KOERS_SMS_OUTBOX_DIRECTORY="$data/outbox/sms"
export KOERS_LOG_FILTER="${KOERS_LOG_FILTER:-warn}"
