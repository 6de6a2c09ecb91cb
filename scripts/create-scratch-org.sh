#!/usr/bin/env bash
# Creates a scratch org for the Messaging Session Console, deploys force-app, gives the admin user the
# Messaging permission set license and then the console's permission sets, activates the flows (they
# ship as Draft) and opens the Messaging Console app.
#
#   scripts/create-scratch-org.sh [--alias NAME] [--days N] [--dev-hub USERNAME_OR_ALIAS]
#                                 [--license PSL] [--with-sample-data] [--no-open] [--dry-run]
#
# --license names the Messaging permission set license (default LiveMessageUserPsl, "Messaging User";
# use EmbeddedServiceMessagingUserPsl for Enhanced Chat only).
# Needs a Dev Hub the CLI is logged in to (sf org login web --set-default-dev-hub), or --dev-hub.
# The Salesforce CLI is the project's own (node_modules/@salesforce/cli, through scripts/sf.mjs, which
# runs it under Node >= 22); run `npm install` first. Every step says what it does; when one fails the
# script stops and names the step, with a hint.
set -Eeuo pipefail # -E: the ERR trap below also fires inside functions

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

ALIAS="messaging-console"
DAYS=7
DEV_HUB="${SF_TARGET_DEV_HUB:-}"
WITH_DATA=false
OPEN=true
DRY_RUN=false
LICENSE="LiveMessageUserPsl"
APP_PATH="lightning/app/c__MSC_Messaging_Console"

usage() {
    sed -n '2,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
    case "$1" in
        --alias) ALIAS="${2:?--alias needs a value}"; shift 2 ;;
        --days) DAYS="${2:?--days needs a value}"; shift 2 ;;
        --dev-hub) DEV_HUB="${2:?--dev-hub needs a value}"; shift 2 ;;
        --license) LICENSE="${2:?--license needs a value}"; shift 2 ;;
        --with-sample-data) WITH_DATA=true; shift ;;
        --no-open) OPEN=false; shift ;;
        --dry-run) DRY_RUN=true; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "create-scratch-org: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    esac
done

STEP="starting"
HINT=""

on_error() {
    local status=$?
    echo "" >&2
    echo "create-scratch-org: FAILED at step '${STEP}' (exit ${status})." >&2
    if [[ -n "$HINT" ]]; then
        echo "  Hint: ${HINT}" >&2
    fi
    exit "$status"
}
trap on_error ERR

step() {
    STEP="$1"
    HINT="$2"
    echo ""
    echo "==> ${STEP}"
}

# The project's sf: scripts/sf.mjs (Node >= 22 supplied when needed), else a global sf on Node >= 22.
# SF_COMMAND overrides it (one executable path; the tests use a stand-in).
if [[ -n "${SF_COMMAND:-}" ]]; then
    SF=("$SF_COMMAND")
elif [[ -f "$ROOT/scripts/sf.mjs" ]]; then
    SF=(node "$ROOT/scripts/sf.mjs")
elif command -v sf >/dev/null 2>&1; then
    SF=(sf)
else
    SF=(npx --no-install sf)
fi

run() {
    echo "    \$ sf $*"
    if [[ "$DRY_RUN" == true ]]; then
        return 0
    fi
    "${SF[@]}" "$@"
}

# The project's node scripts (they use the same sf: SF_COMMAND passes through the environment).
run_node() {
    echo "    \$ node $*"
    if [[ "$DRY_RUN" == true ]]; then
        return 0
    fi
    node "$@"
}

step "Checking the tools" "install Node.js (>= 20.9) and run 'npm install' in ${ROOT}."
command -v node >/dev/null
[[ -d "$ROOT/node_modules/@salesforce/cli" || "${SF[0]}" != node ]]
[[ -f "$ROOT/config/project-scratch-def.json" ]]
if [[ "$DRY_RUN" != true ]]; then
    "${SF[@]}" --version
fi

DEV_HUB_ARGS=()
if [[ -n "$DEV_HUB" ]]; then
    DEV_HUB_ARGS=(--target-dev-hub "$DEV_HUB")
fi

step "Creating scratch org '${ALIAS}' from config/project-scratch-def.json (${DAYS} days)" \
    "log in to a Dev Hub (sf org login web --set-default-dev-hub) or pass --dev-hub; check the Dev Hub's scratch org limits and that it can grant the ServiceCloud, LiveMessage and LightningServiceConsole features."
run org create scratch --definition-file config/project-scratch-def.json --alias "$ALIAS" \
    --duration-days "$DAYS" --set-default --wait 20 "${DEV_HUB_ARGS[@]}"

step "Deploying force-app to '${ALIAS}'" \
    "read the component errors above; run 'npm test' (reference and schema checks) and '../shared/tools/validate-metadata force-app' locally, fix, then re-run with the same --alias (an existing org is reused by deploying again: node scripts/sf.mjs project deploy start --source-dir force-app --target-org ${ALIAS})."
run project deploy start --source-dir force-app --target-org "$ALIAS" --wait 30

# The licence comes first: the permission sets grant Messaging objects, which only take effect for a
# user who holds a Messaging licence.
step "Assigning the Messaging permission set license (${LICENSE}) to the admin user" \
    "check the licence's API name in Setup > Company Information > Permission Set Licenses and pass it with --license (LiveMessageUserPsl is Messaging User, EmbeddedServiceMessagingUserPsl is Enhanced Chat User)."
run org assign permsetlicense --name "$LICENSE" --target-org "$ALIAS"

step "Assigning MSC_Messaging_Console_Agent and MSC_Messaging_Console_Supervisor to the admin user" \
    "the permission sets must have deployed (see the deploy step); re-run with the same --alias."
run org assign permset --name MSC_Messaging_Console_Agent --name MSC_Messaging_Console_Supervisor --target-org "$ALIAS"

step "Activating the flows (send subflow, then the screen flow; the stamping flow on its own)" \
    "activate them in Setup > Process Automation > Flows, MSC_Send_Messaging_Notification before MSC_Start_Messaging_Conversation, or re-run: npm run deploy -- --activate-only --target-org ${ALIAS}"
run_node "$ROOT/scripts/deploy.mjs" --activate-only --target-org "$ALIAS"

if [[ "$WITH_DATA" == true ]]; then
    step "Loading sample Messaging data (data/sample/messaging-plan.json)" \
        "the org may refuse API-created Messaging channels, users or sessions (see the admin guide, 'Sample data'); the org itself is ready, only the sample data is missing. Records inserted before the failure stay (MessagingChannel cannot be deleted)."
    run data import tree --plan data/sample/messaging-plan.json --target-org "$ALIAS"
fi

if [[ "$OPEN" == true ]]; then
    step "Opening the Messaging Console app" "open the org with: node scripts/sf.mjs org open --target-org ${ALIAS}"
    run org open --target-org "$ALIAS" --path "$APP_PATH"
else
    step "Printing the Messaging Console URL" "open the org with: node scripts/sf.mjs org open --target-org ${ALIAS}"
    run org open --target-org "$ALIAS" --path "$APP_PATH" --url-only
fi

STEP="done"
echo ""
echo "create-scratch-org: scratch org '${ALIAS}' is ready."
