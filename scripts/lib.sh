# Shared by the scripts in this folder; sourced, never run.
# shellcheck shell=bash

set -euo pipefail

BQ_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export BQ_ROOT
BQ_DATA_DIR=${BQ_DATA_DIR:-$BQ_ROOT/var}
case $BQ_DATA_DIR in /*) ;; *) BQ_DATA_DIR=$PWD/$BQ_DATA_DIR ;; esac
export BQ_DATA_DIR
BQ_HTTP_PORT=${BQ_HTTP_PORT:-8888}
# Where scripts/web serves the reference web page (clients/web).
BQ_WEB_PORT=${BQ_WEB_PORT:-8890}
# The demo PKI's OCSP responder and time-stamp authority (demo mode).
BQ_OCSP_PORT=${BQ_OCSP_PORT:-8892}
BQ_TSA_PORT=${BQ_TSA_PORT:-8893}
PG_BIN=/usr/lib/postgresql/15/bin
BQ_DB_NAME=balabaqsha

say() { printf '%s: %s\n' "$(basename "$0")" "$*" >&2; }
die() { say "$*"; exit 1; }

as_root() {
	if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The Debian packages the project needs, installed only when missing.
BQ_PACKAGES=(
	build-essential cmake pkg-config clang-format clang kore
	postgresql-15 postgresql-client-15 libpq-dev
	libssl-dev libjwt-dev libcjson-dev libargon2-dev libcmocka-dev
	libcurl4-openssl-dev libengine-gost-openssl
	python3 python3-pytest python3-requests python3-psycopg
	python3-jsonschema python3-yaml python3-hypothesis python3-aiosmtpd curl openssl jq
	# scripts/cluster: the deployment's proxies
	pgbouncer haproxy
)

ensure_packages() {
	local missing=() p
	for p in "${BQ_PACKAGES[@]}"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null |
			grep -q 'install ok installed' || missing+=("$p")
	done
	# Node.js may come from elsewhere than Debian; any npm will do.
	command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing ${missing[*]}"
	apt_install "${missing[@]}"
}

apt_install() {
	as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
		as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends "$@" >/dev/null
}

# The spec and client tools of package-lock.json: Redocly, Spectral,
# openapi-typescript, TypeScript, puppeteer-core.
ensure_node_tools() {
	local b=$BQ_ROOT/node_modules
	[ -x "$b/.bin/redocly" ] && [ -x "$b/.bin/spectral" ] &&
		[ -x "$b/.bin/openapi-typescript" ] &&
		[ -x "$b/.bin/tsc" ] && [ -d "$b/puppeteer-core" ] && return 0
	say "installing the spec and client tools from package-lock.json"
	(cd "$BQ_ROOT" && npm ci --no-audit --no-fund --loglevel=error)
}

# Debian's Chromium for the browser test (tests/integration/test_clients.py):
# installed when missing; where it cannot be, the test says so and skips.
ensure_chromium() {
	[ -x /usr/bin/chromium ] && return 0
	say "installing chromium for the browser test"
	apt_install chromium ||
		say "chromium cannot be installed here: the browser test will be skipped"
	return 0
}

# The build folder scripts/serve runs from: build/, or build-asan/ with
# BQ_SANITIZE=1 (the module and bq-sms with AddressSanitizer and UBSan).
build_dir() {
	if [ "${BQ_SANITIZE:-0}" = 1 ]; then echo "$BQ_ROOT/build-asan"; else echo "$BQ_ROOT/build"; fi
}

build() {
	local dir san=OFF
	dir=$(build_dir)
	[ "${BQ_SANITIZE:-0}" = 1 ] && san=ON
	cmake -S "$BQ_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE="${BQ_BUILD_TYPE:-RelWithDebInfo}" \
		-DBQ_SANITIZE=$san >/dev/null
	cmake --build "$dir" -j "$(nproc)" -- --no-print-directory >/dev/null
}

# PostgreSQL refuses to run as root: the cluster belongs to "postgres"
# then, and everything that touches it runs as that user.
pg_user() {
	if [ "$(id -u)" -eq 0 ]; then echo postgres; else id -un; fi
}

as_pg() {
	if [ "$(id -u)" -eq 0 ]; then
		runuser -u postgres -- "$@"
	else
		"$@"
	fi
}

# The cluster's owner must reach the data folder: where a parent folder
# shuts it out, open that folder for traversal only (no listing).
grant_traverse() {
	local d=$1 dirs=() i
	[ "$(id -u)" -eq 0 ] || return 0
	while [ "$d" != / ]; do
		dirs=("$d" "${dirs[@]}")
		d=$(dirname "$d")
	done
	# From the top down, so only the folder that blocks is changed.
	for i in "${dirs[@]}"; do
		if ! runuser -u postgres -- test -x "$i" 2>/dev/null; then
			say "letting postgres traverse $i (chmod o+x)"
			chmod o+x "$i"
		fi
	done
}

db_socket_dir() { echo "$BQ_DATA_DIR/run"; }

# The DSN the service uses: its own role, over the socket in the data
# folder, with a server-side statement timeout a little under the
# client's deadline so the server gives up first and keeps the connection.
db_api_dsn() {
	local timeout=${BQ_DB_TIMEOUT_MS:-1500}
	echo "host=$(db_socket_dir) port=${BQ_DB_PORT:-5432} dbname=$BQ_DB_NAME user=bq_api connect_timeout=2 application_name=bq-api options='-c statement_timeout=$((timeout - 200))'"
}

db_sms_dsn() {
	echo "host=$(db_socket_dir) port=${BQ_DB_PORT:-5432} dbname=$BQ_DB_NAME user=bq_sms connect_timeout=2 application_name=bq-sms"
}

db_admin_args() {
	echo "-h $(db_socket_dir) -p ${BQ_DB_PORT:-5432} -U bq -d $BQ_DB_NAME"
}

# A copy of a Kore configuration (SRC) at DEST, bound to HOST:PORT, its
# pidfile PIDFILE and its modules loaded from the build folder; and in
# KORE_FLAGS the flags that run it in the foreground: -n -r too as root
# (no chroot, no privilege drop, for a developer's machine; a deployment
# sets runas and root in kore.conf instead, README).
kore_conf() {
	local src=$1 dest=$2 host=$3 port=$4 pidfile=$5
	sed -e "s|^\([[:space:]]*bind[[:space:]]\{1,\}\)[^[:space:]]\{1,\}[[:space:]]\{1,\}[0-9]\{1,\}|\1$host $port|" \
		-e "s|^pidfile.*|pidfile $pidfile|" \
		-e "s|^load[[:space:]]\{1,\}\./build/|load $(build_dir)/|" \
		"$src" >"$dest"
	KORE_FLAGS=(-f -c "$dest")
	[ "$(id -u)" -eq 0 ] && KORE_FLAGS+=(-n -r)
	return 0
}

# The demo PKI (README, Signing a contract), made once per data folder and
# trusted for contract signatures in demo mode only: the CA ($1/ca.pem,
# ca.key), its `openssl ca` database (ca/index.txt) that the demo OCSP
# responder answers from, the responder's and the TSA's certificates, and
# ca/ca.cnf to issue signers' certificates with (their AIA names the
# responder) and to answer time-stamp requests with.
demo_ca() {
	local dir=$1 ca=$1/ca
	mkdir -p "$ca/certs"
	if ! [ -f "$dir/ca.pem" ] || ! [ -f "$dir/ca.key" ]; then
		say "making the demo signature CA in $dir"
		(umask 077 && openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
			-nodes -keyout "$dir/ca.key" -out "$dir/ca.pem" -days 3650 \
			-subj "/C=KZ/O=BALABAQSHA demo/CN=BALABAQSHA demo signature CA" \
			-addext "basicConstraints=critical,CA:TRUE" \
			-addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null) ||
			die "cannot make the demo CA"
		chmod 644 "$dir/ca.pem"
	fi
	[ -f "$ca/index.txt" ] || : >"$ca/index.txt"
	[ -f "$ca/tsa-serial" ] || echo 01 >"$ca/tsa-serial"
	# Written each time: the responder's port is this run's.
	cat >"$ca/ca.cnf" <<-EOF
	# The demo CA as \`openssl ca -config\` uses it (scripts/lib.sh, demo_ca).
	[ca]
	default_ca = demo
	[demo]
	database = $ca/index.txt
	new_certs_dir = $ca/certs
	certificate = $dir/ca.pem
	private_key = $dir/ca.key
	default_md = sha256
	default_days = 365
	default_crl_days = 1
	policy = any
	rand_serial = yes
	unique_subject = no
	x509_extensions = signer
	[any]
	commonName = supplied
	serialNumber = optional
	organizationalUnitName = optional
	organizationName = optional
	countryName = optional
	# A signer's certificate, as NCA RK issues them for signing.
	[signer]
	basicConstraints = CA:FALSE
	keyUsage = critical, digitalSignature, nonRepudiation
	authorityInfoAccess = OCSP;URI:http://127.0.0.1:$BQ_OCSP_PORT
	[ocsp_ext]
	basicConstraints = CA:FALSE
	keyUsage = critical, digitalSignature
	extendedKeyUsage = OCSPSigning
	[tsa_ext]
	basicConstraints = CA:FALSE
	keyUsage = critical, digitalSignature, nonRepudiation
	extendedKeyUsage = critical, timeStamping
	# What \`openssl ts -reply\` answers with (scripts/demo-tsa).
	[tsa]
	default_tsa = demo_tsa
	[demo_tsa]
	serial = $ca/tsa-serial
	crypto_device = builtin
	signer_cert = $ca/tsa.pem
	certs = $dir/ca.pem
	signer_key = $ca/tsa.key
	signer_digest = sha256
	default_policy = 1.2.3.4.1
	digests = sha256, sha384, sha512
	accuracy = secs:1
	ordering = no
	tsa_name = yes
	ess_cert_id_chain = no
	ess_cert_id_alg = sha256
	EOF
	local who
	for who in ocsp tsa; do
		[ -f "$ca/$who.pem" ] && continue
		(umask 077 && openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
			-nodes -keyout "$ca/$who.key" -out "$ca/$who.csr" \
			-subj "/C=KZ/O=BALABAQSHA demo/CN=BALABAQSHA demo ${who^^}" 2>/dev/null &&
			openssl ca -batch -config "$ca/ca.cnf" -extensions "${who}_ext" -days 3650 \
				-in "$ca/$who.csr" -out "$ca/$who.pem" -notext 2>/dev/null) ||
			die "cannot make the demo $who certificate"
	done
}
