// Generated from openapi.yaml by openapi-typescript (tools/generate.mjs): do not edit.
export interface paths {
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness
         * @description 200 while the server process answers; it does not touch the database.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness
         * @description 200 when the database answers and is migrated; 503 otherwise, within
         *     2 seconds. Load balancers route to an instance only while it is ready.
         */
        get: operations["getReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Prometheus metrics
         * @description The Prometheus text format: `bq_http_requests_total` by route and
         *     status, `bq_http_request_duration_seconds` (histogram) by route, and
         *     per worker `bq_db_pool_busy`, `bq_db_pool_waiting`,
         *     `bq_db_timeouts_total` and `bq_db_failures_total`. Routes are
         *     labelled by their template, never by a concrete path. Expose it to
         *     the monitoring network only (README, Deploy); with
         *     `BQ_METRICS_TOKEN` set, only a request that sends it as a bearer
         *     token is answered (401 otherwise).
         */
        get: operations["getMetrics"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.yaml": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This document
         * @description This contract, as YAML: what the running server answers to. No account
         *     needed; `Cache-Control: no-cache`, so a client revalidates.
         */
        get: operations["getOpenApi"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Write to support
         * @description Anyone may write. Signed in (a bearer token sent), the author is
         *     kept and support's answer reaches their inbox; a token sent must be
         *     valid (401 otherwise). Without one, an e-mail or a phone is needed
         *     to answer (422 `email` `required`). One client address may send at
         *     most 5 messages an hour (429 beyond). A phone number is stored in
         *     E.164 form.
         */
        post: operations["postFeedback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/otp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a one-time code by SMS
         * @description A 6-digit code for `register`, `login` or `reset`, valid 5 minutes,
         *     bound to the phone, the IIN and the purpose. One phone gets a code
         *     at most every 80 seconds and 5 an hour; one client address is
         *     capped too (429 with `Retry-After`). An SMS goes out only to a phone
         *     the person registry binds to the IIN (the mobile citizens'
         *     database), and for `login` and `reset` only when the phone and IIN
         *     belong to one account; the answer, the cooldown and the caps are
         *     the same either way, so it never tells whether a person or an
         *     account exists. A registry that cannot answer is a 503. In demo
         *     mode the SMS is appended to `sms.jsonl`, and the registry is
         *     `registry.json` (README).
         */
        post: operations["postAuthOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check a registration code and show the registry's person
         * @description The code (purpose `register`) is checked: five wrong tries kill it
         *     (`invalid_code`). The person registry is asked for the IIN; the
         *     answer holds the person to show and a registration token, valid
         *     15 minutes, for setting the password. 409 `account_exists` when the
         *     IIN or the phone already has an account.
         */
        post: operations["postAuthRegisterVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set the password and create the account
         * @description The password: 8 to 40 characters, not only spaces (`empty`), not
         *     among the 10,000 most common once normalised (`common_password`),
         *     not holding the IIN or phone (`personal_password`), typed twice
         *     (`mismatch`). The token is checked before any hashing, and one
         *     token admits 20 tries a minute (429). The account is a parent's,
         *     signed in at once.
         */
        post: operations["postAuthRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a password
         * @description `login` is an IIN, a phone number, an e-mail address or a login
         *     name. `remember` makes the session last 30 days instead of 12
         *     hours. 10 failed logins in 15 minutes lock the account for 15
         *     minutes (423 `account_locked`, even with the right password); an
         *     unknown login answers exactly like a wrong password, in the same
         *     time. One client address may try 30 logins a minute, and one login
         *     name 20 a minute from all addresses together (the same for a name
         *     with an account and one without); beyond, 429 with `Retry-After`,
         *     before any password is checked.
         */
        post: operations["postAuthLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login/code": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in with a one-time code
         * @description After `POST /v1/auth/otp` with purpose `login`.
         */
        post: operations["postAuthLoginCode"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/password/reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password with a reset code
         * @description After `POST /v1/auth/otp` with purpose `reset`. The code is checked
         *     before any hashing, and one account admits 20 tries a minute (429).
         *     Every session of the account ends, and a lock from failed logins
         *     lifts.
         */
        post: operations["postAuthPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * New tokens for a refresh token
         * @description The refresh token is rotated: the one sent is spent, the answer
         *     holds the next. Sending a spent one again means it was copied: the
         *     whole session ends (401), and so do the tokens of whoever holds it.
         */
        post: operations["postAuthRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End the session
         * @description The session's refresh and access tokens stop working at once.
         */
        post: operations["postAuthLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in account
         * @description The account of the token: its roles and active role, name, phone and
         *     e-mail (with `email_pending` while a new address awaits its code), and
         *     the language it reads messages in.
         */
        get: operations["getMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the e-mail, login name or language
         * @description Only the fields sent change; `null` clears the e-mail or login name.
         *     Names, sex and birth date come from the person registry and cannot
         *     be changed here. A new `email` does not change the e-mail: a code
         *     goes to the address, which becomes `email_pending` until `POST
         *     /v1/me/email/verify` proves it; the answer is the same whoever
         *     holds the address (its owner gets the code, nobody else). 409
         *     `taken` when another account has the login name. Each try of an
         *     e-mail or login name counts, refused ones too: at most 10 an hour
         *     (429 with Retry-After); the language is not counted.
         */
        patch: operations["patchMe"];
        trace?: never;
    };
    "/v1/me/email/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Prove a new e-mail address
         * @description The code sent to `email_pending` makes it the account's e-mail. A
         *     wrong or expired code is `invalid_code`; five wrong ones kill it
         *     (ask again with `PATCH /v1/me`). 409 `taken` only when another
         *     account proved the same address first.
         */
        post: operations["postMeEmailVerify"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change the password
         * @description A wrong `current_password` is a 422 on that field and counts as a
         *     failed login: at the login's limit the account locks (423, with
         *     Retry-After) and no password is tried until it opens. The new
         *     password is checked against the account's own IIN, phone, login
         *     and e-mail. A change ends every other session of the account. At
         *     most 20 checks of the current password a minute (429 with
         *     Retry-After, before any password is hashed).
         */
        post: operations["postMePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/role": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Switch the session to another role of the account
         * @description Tokens for the role, in a new session that ends when the old one
         *     would have. A session never changes its role: the old session ends,
         *     so its refresh tokens and every access token issued for the old
         *     role are refused from now on (401).
         */
        post: operations["postMeRole"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The user log
         * @description The account's own actions, newest first.
         */
        get: operations["getMeLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Staff by kindergarten and role
         * @description Every staff account (any role but a parent's), optionally of one
         *     kindergarten and of one role: name, contacts, roles and where each
         *     acts. Administrators only.
         */
        get: operations["getStaff"];
        put?: never;
        /**
         * Create a staff account
         * @description Administrators only. Staff sign in with their login name. Roles:
         *     `verifier`, `kindergarten_staff`, `support`, `admin`.
         */
        post: operations["postAdminStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Regions and their localities
         * @description Every city and region of the catalogue, with its localities, named in
         *     the language of `Accept-Language`. Public: front ends build their
         *     region pickers from it.
         */
        get: operations["getRegions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reference": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The reference lists of the rules
         * @description Queue types, languages, age groups, priority categories (with their kind), correction types, ownership and document kinds, each with kk/ru/en names.
         */
        get: operations["getReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergartens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The catalogue of kindergartens
         * @description Filters combine. The group filters (`language`, `age_group`,
         *     `correction_type`, `has_free_places`) must all hold for one and the
         *     same group of the kindergarten. Sorted by the registry code, or by
         *     distance with `near`. Page with `limit` and the answer's
         *     `next_cursor`; no item is lost or repeated between pages.
         */
        get: operations["getKindergartens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergartens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A kindergarten's card, with its groups
         * @description One kindergarten's public card: address, languages, working hours,
         *     places, and its groups with their age groups and free places. An
         *     unknown id is a 404.
         */
        get: operations["getKindergarten"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Change one of my kindergarten's groups
         * @description Staff of the group's kindergarten only; another kindergarten's group
         *     is not found. Send the fields to change. The capacity cannot fall
         *     below the places taken (409 `below_taken`).
         */
        put: operations["putKindergartenGroup"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Check an IIN in the person registry
         * @description What the registry knows of a child; only children young enough for
         *     the queue (84 months at most; `out_of_range` otherwise). An account
         *     may ask the registry 30 times an hour (429 beyond).
         */
        post: operations["postChildrenLookup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My children
         * @description Every child this parent account holds, each with its registry data,
         *     whether a photo is on file and what this account may do for it.
         *     Parents only.
         */
        get: operations["getChildren"];
        put?: never;
        /**
         * Add a child
         * @description The child's data come from the person registry; the sex is the
         *     parent's to state. Only a parent or legal representative the
         *     registry names for the child, or a guardian whose guardianship a
         *     verifier confirmed (`POST /v1/guardianships`), adds a child the
         *     registry lists (422 `not_parent` otherwise, before anything about
         *     who holds the child); a child the registry keeps no parents of
         *     (a made-up demo person) anyone may add. An IIN is held by one
         *     account: 409 `taken` when a parent or guardian holds it (entrust
         *     the child to others instead), 409 `claimable` when an account with
         *     no standing does: the parent or guardian then sends `claim: true`
         *     and takes the child, with the application; the holder loses it,
         *     its trustees and invitations, and is told in the inbox. Neither
         *     answer says who holds the child.
         */
        post: operations["postChildren"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trusted-children": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Children entrusted to me
         * @description Children whose holders made this account a trustee (an accepted
         *     invitation): the trustee may file and follow their applications.
         *     Parents only.
         */
        get: operations["getTrustedChildren"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trustee-invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Invitations to act for a child
         * @description The open invitations to my IIN, oldest first, with the child and
         *     who invited: accept or decline each.
         */
        get: operations["getTrusteeInvitations"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trustee-invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Decline an invitation, or withdraw one
         * @description The invited person declines it; the parent who made it withdraws
         *     it. Anyone else, or an invitation no longer open, is a 404.
         */
        delete: operations["deleteTrusteeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/trustee-invitations/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description I become a trustee of the child, at once; the parent is told.
         *     Only the invited person accepts (404 for anyone else, or once the
         *     invitation is no longer open).
         */
        post: operations["postTrusteeInvitationAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/guardianships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My guardianship claims
         * @description Newest first.
         */
        get: operations["getGuardianships"];
        put?: never;
        /**
         * Claim guardianship of a child
         * @description For a guardian the person registry does not name as the child's
         *     parent: the guardianship document (an upload of kind
         *     `guardianship`, else `document_id` `invalid_value`) goes to a
         *     verifier, who confirms or rejects it; confirmed, the guardian adds
         *     the child (or claims it) as a parent would. The child's data come
         *     from the registry (a look-up, counted like `POST
         *     /v1/children/lookup`); a child of queue age only (`out_of_range`).
         *     422 `not_needed` when the registry already names you or names no
         *     parents; 409 `taken` while a claim for the child is pending or
         *     confirmed; at most 5 a day (429).
         */
        post: operations["postGuardianship"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One child
         * @description For its parent and its trustees; anyone else gets 404.
         */
        get: operations["getChild"];
        put?: never;
        post?: never;
        /**
         * Remove a child
         * @description The parent only (a trustee gets 403); not while it has a live application (409 `live_application`).
         */
        delete: operations["deleteChild"];
        options?: never;
        head?: never;
        /**
         * Change the child's sex
         * @description The registry's data cannot be changed here.
         */
        patch: operations["patchChild"];
        trace?: never;
    };
    "/v1/children/{id}/photo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The child's photo
         * @description The child's photo as stored (JPEG or PNG), for the holder and its
         *     trustees; `Cache-Control: no-store`. A child without a photo, or not
         *     this account's, is a 404.
         */
        get: operations["getChildPhoto"];
        /**
         * Set the child's photo
         * @description A JPEG or PNG (the content must be what the Content-Type says), 2 MiB (2,097,152 bytes) at most.
         */
        put: operations["putChildPhoto"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children/{id}/trustees": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who the child is entrusted to
         * @description The trustees, for the parent and the trustees; the parent also
         *     sees its open invitations (`invitations`, empty for a trustee).
         */
        get: operations["getChildTrustees"];
        put?: never;
        /**
         * Invite a trustee for the child
         * @description An invitation to the IIN, open for 14 days; the answer is the same
         *     whether the IIN has an account or not. An account with the IIN is
         *     told in its inbox and by SMS and becomes a trustee when it accepts
         *     (`POST /v1/trustee-invitations/{id}/accept`); an IIN that registers
         *     later finds the invitation waiting. Asking again for an open
         *     invitation returns it. The trustee acts for the child where the
         *     parent can, except managing trustees and deleting the child. Only
         *     the parent invites (403); one's own IIN is `invalid_value`; at
         *     most 10 invitations a day (429).
         */
        post: operations["postChildTrustee"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children/{id}/trustees/{account_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke a trustee
         * @description The trustee's rights end at once.
         */
        delete: operations["deleteChildTrustee"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a document
         * @description An account keeps at most 40 documents and 100 MiB of them
         *     (settings `documents_per_account`, `document_bytes_per_account`);
         *     past that a 409 `quota_exceeded` on `document`. An upload attached
         *     to nothing is removed after 30 days (`document_unused_days`).
         *     The raw file as the body: a PDF, JPEG or PNG (the content must be
         *     what the Content-Type says), 10 MiB (10,485,760 bytes) at most. It
         *     belongs to the uploader.
         */
        post: operations["postDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/documents/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A document's bytes
         * @description To its owner.
         */
        get: operations["getDocument"];
        put?: never;
        post?: never;
        /**
         * Delete an upload attached to nothing
         * @description The owner's document that no application or contract holds (409 `in_use` on `document` otherwise). Another account's is a 404.
         */
        delete: operations["deleteDocument"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My applications and my trusted children's
         * @description This account's applications and those of the children it is trusted
         *     with, newest first, each with its status and live queue position;
         *     filtered by status, queue type and whether archived ones are wanted.
         */
        get: operations["getApplications"];
        put?: never;
        /**
         * File an application
         * @description For a child of mine or entrusted to me, younger than 84 months.
         *     One live application per child and queue type (409 `taken`). Up to
         *     three preferred kindergartens, each in the region with a group for
         *     the child's age in one of the languages (and of the correction type,
         *     for the special queue). The special queue needs a correction type
         *     and a PMPK conclusion document (kind `pmpk`) and waits for a
         *     verifier; the general queue is queued at once. A retried POST with
         *     the same `Idempotency-Key` returns the first answer; the same key
         *     with another body is 409.
         */
        post: operations["postApplication"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An application's card
         * @description One application's card: the child, the queue and its live position
         *     with what it is made of, the kindergartens chosen and the status.
         *     Another account's application is a 404.
         */
        get: operations["getApplication"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/priority-proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Hand in the proof of a priority claim
         * @description A new proof (an uploaded document of one of the category's kinds,
         *     the family's own) for a claim still waiting (`claimed`) or whose
         *     proof expired (`expired`, which becomes `claimed` again); the last
         *     one handed in is the one a verifier decides on. A claim confirmed
         *     or refuted, or an application closed, is 409 `not_claimable`.
         */
        put: operations["putPriorityProof"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/position-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How the position changed, and why
         * @description Each change of the position since the application joined the queue,
         *     with its cause: `queued`, `filed` (someone joined behind, which
         *     moves no one but may move priority places), `priority_filed`,
         *     `extraordinary_filed`, `restored`, or the status of someone ahead
         *     who left (`voucher_issued`, `archived`). One move is one row: the
         *     departures of one allocation round (one transaction, one cause)
         *     are a single row whose `change` is their sum and whose `position`
         *     is the one after them.
         */
        get: operations["getPositionHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw
         * @description The application is archived and leaves the queue.
         */
        post: operations["postWithdraw"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Restore a suspended application to the queue
         * @description A suspended application goes back to the queue, once, within 28 days.
         */
        post: operations["postRestore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A queue, anonymised
         * @description The applications of one queue partition in position order: no names,
         *     only position, number, filing time and the priority kind. Paged by
         *     position (`next_cursor`).
         */
        get: operations["getQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Special-queue applications of my region
         * @description The special-queue applications of the verifier's region, in filing
         *     order, those awaiting verification unless `status` says otherwise,
         *     with the documents to decide on. Verifiers only.
         */
        get: operations["getStaffApplications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a special-queue application
         * @description It is queued; the parent is told the position.
         */
        post: operations["postConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a special-queue application
         * @description It is rejected, then archived; the parent is told the verifier's name and the reason.
         */
        post: operations["postReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/priority-claims": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Priority claims to verify
         * @description The applications of the verifier's region whose priority claim waits
         *     for a decision on its last proof (`priority_document_id`, which the
         *     verifier may read), the oldest proof first. Verifiers only.
         */
        get: operations["getPriorityClaims"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{id}/priority/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a priority claim
         * @description The last proof holds: the application is placed by its category from
         *     now on (a position-history row `priority_confirmed`) until the
         *     proof's validity ends, counted from the day it was issued (a month
         *     for workplace certificates, otherwise as the category says; see GET
         *     /v1/reference). The family is told. A proof issued in the future or
         *     already lapsed is 422 `issued_on` `out_of_range`; a claim not waiting
         *     for a decision is 409 `decided_already`. An application of another
         *     region is not found.
         */
        post: operations["postPriorityConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/applications/{id}/priority/refute": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a priority claim false
         * @description The claim was false: the application loses the priority (a
         *     position-history row `priority_refuted`), a live voucher issued while
         *     the claim ranked it ahead is cancelled and the application queued
         *     again as ordinary at its filing time, and the family may file no
         *     application for 10 days (`priority_stop_days`; the end is on the
         *     card). The family is told the reason. An application of another
         *     region is not found.
         */
        post: operations["postPriorityRefute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/guardianships": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Guardianship claims to verify
         * @description The claims of my region, of one status (`pending` by default),
         *     oldest first, with who filed each. The document is `GET
         *     /v1/documents/{id}`.
         */
        get: operations["getStaffGuardianships"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/guardianships/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a guardianship
         * @description The guardian may add the child from now on, and is told.
         */
        post: operations["postGuardianshipConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/staff/guardianships/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a guardianship
         * @description The guardian is told the verifier's name and the reason.
         */
        post: operations["postGuardianshipReject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The inbox, newest first
         * @description The account's inbox, newest first, in pages (`limit`, `cursor`): each
         *     message's kind, text in the account's language, what it concerns and
         *     whether it was read.
         */
        get: operations["getNotifications"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/unread-count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many are unread
         * @description How many of the inbox's messages are unread, for a badge; cheap enough
         *     to poll.
         */
        get: operations["getUnreadCount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/notification-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How I am told besides the inbox
         * @description Whether messages that start a deadline or ask for an action (a
         *     voucher issued, a reminder one working day before a deadline, a
         *     contract sent, an application confirmed, rejected, suspended or
         *     archived) also come by SMS and by e-mail, and the language they
         *     come in. The inbox always keeps every message. `phone` and
         *     `email_address` say whether there is a number and a verified
         *     address to send to.
         */
        get: operations["getNotificationSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Choose the channels and the language
         * @description Any of `sms`, `email` and `language`; fields left out keep their
         *     value. SMS and e-mail wait out quiet hours (22:00 to 08:00 Almaty
         *     time by default); deadlines do not move, and a reminder that could
         *     only arrive after its deadline is not sent.
         */
        patch: operations["patchNotificationSettings"];
        trace?: never;
    };
    "/v1/sms/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The SMS gateway's delivery receipt
         * @description For the SMS gateway, not for people: it says a message it was given
         *     (`id`, the outbox id bq-sms sends with each message) was delivered
         *     to the phone or failed. The parent sees the state on the inbox
         *     message's `deliveries`. Authenticated by the gateway's shared token
         *     (`BQ_SMS_RECEIPT_TOKEN`, 32 to 256 characters) as a bearer; without
         *     that setting, or with another token, the route answers 404. A
         *     receipt for a message not yet sent is a 409 `not_sent`.
         */
        post: operations["postSmsReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/notifications/{id}/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Mark a notification read
         * @description Marks one of the account's messages read; marking it again changes
         *     nothing. No body: `curl -X POST` will do. Another account's message is
         *     a 404.
         */
        post: operations["postNotificationRead"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * When a voucher is likely
         * @description An estimate, for a queued application, of when its voucher is likely:
         *     a date range from the partition's vouchers in the 12 months before
         *     today (monthly mean m, standard deviation s) and the position P: about
         *     P / m months, give or take 1.2816 * s * sqrt(P / m) / m (an 80% range).
         *     The inputs come with it. `estimate` is null with a `reason` when the
         *     application is not queued (`not_queued`) or the partition has too little
         *     history (`too_little_history`: under 12 vouchers or 3 months with any).
         */
        get: operations["getForecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My vouchers
         * @description The vouchers of the caller's children and of the children entrusted to it, newest first.
         */
        get: operations["getVouchers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A voucher
         * @description Where the notification of an issued voucher links to.
         */
        get: operations["getVoucher"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm interest
         * @description An issued voucher becomes active: the application moves to
         *     `voucher_active` and `enrol_by` is the end (Almaty time) of the 5th
         *     working day after today. Refused with 409 once `confirm_by` has passed
         *     (`deadline_passed`) or when the voucher is not issued (`confirmed_already`,
         *     `closed`).
         */
        post: operations["postVoucherConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refuse the voucher
         * @description The voucher is cancelled and the application archived: the place in
         *     the queue is given up. 409 `closed` when the voucher is no longer live.
         */
        post: operations["postVoucherRefuse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/extend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend the voucher
         * @description Once, on the last day of an active voucher (`can_extend`): `enrol_by`
         *     moves by 2 working days. 409 `not_active`, `extended_already`,
         *     `deadline_passed` or `not_last_day` otherwise.
         */
        post: operations["postVoucherExtend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/allocation-rounds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Allocation rounds
         * @description The rounds, newest first.
         */
        get: operations["getRounds"];
        put?: never;
        /**
         * Run an allocation round
         * @description Vouchers for the free places of each pool of the region (city), in
         *     queue order. The round snapshots every queued application of the region
         *     and every pool's free places (seats of the region's groups not taken,
         *     less vouchers issued or active), then allocates from that snapshot and
         *     a random seed alone: each partition's applications by position (the 1:3
         *     rule), the partitions that share a pool (correction type and age group,
         *     by year of birth) in turns, each turn's order drawn from the seed; an
         *     application takes a place in the first of its languages with one left.
         *     Inputs, seed and SHA-256 hashes of inputs and result are kept; see
         *     replay. A second round for the region while one runs is refused (409
         *     `busy`), and so is a round during which a chosen application left the
         *     queue. Before any voucher is given the round's checks run, apart from
         *     the allocation (see RoundChecks): a round that fails one is kept as
         *     `refused` with its report, gives no voucher and tells no one (201,
         *     `status` refused, `issued` 0; counted in the `bq_rounds_refused`
         *     metric). Each chosen parent of a published round is told, with a link
         *     to the voucher, and has 2 working days to confirm. A retried POST with the same
         *     `Idempotency-Key` answers with the round the first one ran instead
         *     of running another; the same key for another region is 409.
         */
        post: operations["postRound"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/allocation-rounds/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A round's protocol
         * @description The inputs (partitions, pools), the seed, the result in order and the
         *     hashes, anonymised: application numbers and positions, as in the public
         *     queue. `format=csv` gives the result alone, one voucher a row in the
         *     order given (RFC 4180 CSV, the columns the result's fields). A city's
         *     department reads its city's rounds only.
         */
        get: operations["getRound"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/allocation-rounds/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A round's report, public
         * @description What a round had and gave, and the checks it passed or failed before
         *     its vouchers were given, with their figures: anyone may see that the
         *     round kept the rules. No child is named; the protocol of the
         *     department lists the numbers. A refused round gave no voucher. An
         *     unknown id is a 404.
         */
        get: operations["getRoundReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/allocation-rounds/{id}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replay a round
         * @description Recomputes the inputs' hash from the kept inputs, and the result and
         *     its hash from those inputs and the seed; `matches` when both equal what
         *     was recorded.
         */
        post: operations["postRoundReplay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/sweeper/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the deadline sweeper now
         * @description What the timer in every worker does every minute: vouchers not
         *     confirmed in time are cancelled and their applications suspended (or
         *     archived if restored once before); vouchers not used by `enrol_by` are
         *     cancelled and their applications archived; suspended applications past
         *     the 28-day restore window are archived. Each with its events and
         *     notifications. Returns the counts of one batch.
         */
        post: operations["postSweeperRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every move of the application
         * @description From filing through the queue, the voucher and the contract to
         *     enrolment or withdrawal. (Its place in the queue over time is
         *     `position-history`.)
         *     Each move says when, from which status to which, why (`cause`), and
         *     who made it in which role: a member of staff, a verifier or the
         *     department by name, a family or the system by role alone. Oldest
         *     first. Read by the family for its own children, by a kindergarten's
         *     staff for the children who asked for or hold a place there, by a
         *     verifier for its region's applications and vouchers, and by the
         *     department for its city; anyone else finds no such object.
         */
        get: operations["getApplicationEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every move of the voucher
         * @description From issue by a round through interest confirmed, to its use for a
         *     place, refusal, or expiry.
         *     Each move says when, from which status to which, why (`cause`), and
         *     who made it in which role: a member of staff, a verifier or the
         *     department by name, a family or the system by role alone. Oldest
         *     first. Read by the family for its own children, by a kindergarten's
         *     staff for the children who asked for or hold a place there, by a
         *     verifier for its region's applications and vouchers, and by the
         *     department for its city; anyone else finds no such object.
         */
        get: operations["getVoucherHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/enrolments/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every move of the enrolment
         * @description A request for a place in a group: from the request through the
         *     contract to enrolment, a decline or a cancellation.
         *     Each move says when, from which status to which, why (`cause`), and
         *     who made it in which role: a member of staff, a verifier or the
         *     department by name, a family or the system by role alone. Oldest
         *     first. Read by the family for its own children, by a kindergarten's
         *     staff for the children who asked for or hold a place there, by a
         *     verifier for its region's applications and vouchers, and by the
         *     department for its city; anyone else finds no such object.
         */
        get: operations["getEnrolmentHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every move of the contract
         * @description From the draft through the signatures to signed, expired, declined
         *     or cancelled.
         *     Each move says when, from which status to which, why (`cause`), and
         *     who made it in which role: a member of staff, a verifier or the
         *     department by name, a family or the system by role alone. Oldest
         *     first. Read by the family for its own children, by a kindergarten's
         *     staff for the children who asked for or hold a place there, by a
         *     verifier for its region's applications and vouchers, and by the
         *     department for its city; anyone else finds no such object.
         */
        get: operations["getContractHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/regions/{id}/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A city's whole queue, for export
         * @description Every queued application of the city, partition by partition (queue,
         *     correction type, birth year) in queue order, with what the public
         *     queue shows of each (number, filing time, priority, position) and its
         *     id; never a name or an IIN. `format=csv` gives RFC 4180 CSV with the
         *     items' fields as columns. Another city's region is not found for a
         *     city's department. Administrators only.
         */
        get: operations["getRegionQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/statements/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The month's statements of the city's kindergartens
         * @description Per kindergarten of the department's city (or the one named): the
         *     children whose parents approved the month, their days attended and
         *     absent, and the children whose month is still to approve; the basis
         *     of the month's voucher payments. Kindergartens with no attendance in
         *     the month are left out. `format=csv` gives RFC 4180 CSV. A
         *     kindergarten of another city is not found. Administrators only.
         */
        get: operations["getDepartmentStatements"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/regions/{id}/round-schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * When a region's rounds run by themselves
         * @description The region's schedule (a time of day in Almaty, on every working day
         *     or on named days), the next run's time, and the outcomes of the last
         *     twenty runs, each try of a failed one too. A region never scheduled
         *     has `enabled` false and no time. Another city's region is not found
         *     for a city's department. Administrators only.
         */
        get: operations["getRoundSchedule"];
        /**
         * Schedule a region's rounds
         * @description Sets when the region's allocation rounds run: at `at` (Almaty time)
         *     on every working day of the maintained calendar, or on the `dates`
         *     named. The next run is the first such time after now. Whichever node
         *     finds a run due first runs it, once; a failed run is tried again
         *     (the `round_retry_minutes` and `round_retry_attempts` settings) and
         *     counted in the `bq_round_schedules_failing` metric. `enabled` false
         *     stops the schedule and keeps it. A manual round may still be run at
         *     any time. Recorded in the audit log. Administrators only.
         */
        put: operations["putRoundSchedule"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/calendar/{year}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A year of the working-day calendar
         * @description The year's exceptions to "Monday to Friday": public holidays, the
         *     days off they move to, and days moved by decree, each with its
         *     reason and source; and whether the year is maintained (its
         *     holidays loaded, with the law or decree). Deadlines count days only
         *     of maintained years: past them a deadline is refused with
         *     `calendar_not_maintained`. Administrators only.
         */
        get: operations["getCalendarYear"];
        /**
         * Mark a year maintained
         * @description The year's holidays and moved days are in: deadlines may count its
         *     days from now on. `source` names the law or decree; `note` what is
         *     still to come (a holiday whose date is announced later). Recorded
         *     in the administrator's log. The country's administrators only: a city's
         *     department reads the calendar (403 otherwise).
         */
        put: operations["putCalendarYear"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/calendar/days/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a day off or a working day
         * @description A public holiday, a day off a holiday moves to, or a day moved by
         *     decree (`working: true` for a weekend made a working day). Deadlines
         *     already set keep their dates; new ones count the day as set.
         *     The country's administrators only: a city's
         *     department reads the calendar (403 otherwise).
         */
        put: operations["putCalendarDay"];
        post?: never;
        /**
         * Remove a day's exception
         * @description The day is again what its weekday says. A day with no exception is
         *     a 404. The country's administrators only: a city's
         *     department reads the calendar (403 otherwise).
         */
        delete: operations["deleteCalendarDay"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * An account as the department sees it
         * @description Its names, contacts, roles and where each acts, and whether it is
         *     blocked. A city's department (an administrator with a region) sees
         *     accounts whose every role acts in its city (parents' anywhere); another
         *     city's staff, support and the country's administrators are not found.
         *     Administrators only.
         */
        get: operations["getAdminAccount"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{id}/roles/{role}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Grant a role, or move its scope
         * @description Gives the account the role, or moves where it acts: staff need
         *     `kindergarten_id`, a verifier `region_id` (a city), both inside the
         *     department's city; an administrator's `region_id` makes a city's
         *     department (a city's department makes administrators of its own city
         *     only), none the country's; support is the country's to name. The
         *     account's sessions acting in the role end (they acted in the old scope).
         *     In the audit log. Administrators only.
         */
        put: operations["putAccountRole"];
        post?: never;
        /**
         * Revoke a role
         * @description The role is taken away and the account's sessions acting in it end at
         *     once. An account keeps one role at least (409 `last_role`: block it
         *     instead), and no administrator revokes their own administrator role (409
         *     `own_account`). A role the account does not hold is not found. In the
         *     audit log. Administrators only.
         */
        delete: operations["deleteAccountRole"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{id}/block": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Block an account
         * @description Every session of the account ends now and none opens again until it is
         *     unblocked (signing in answers 403 `account_blocked`). Nothing else
         *     changes: a blocked parent's applications keep their places in the queue.
         *     Blocking a blocked account keeps its first time and takes the new
         *     reason. Not one's own account (409 `own_account`). In the audit log.
         *     Administrators only.
         */
        post: operations["postAccountBlock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/accounts/{id}/unblock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unblock an account
         * @description The account may sign in again. Unblocking an account that is not
         *     blocked changes nothing. In the audit log. Administrators only.
         */
        post: operations["postAccountUnblock"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The audit log
         * @description Every administrative act: staff made, roles granted and revoked,
         *     accounts blocked and unblocked, kindergartens made, edited, suspended and
         *     reopened, groups made, edited and closed, the calendar kept. Who did it
         *     (account, role, name), when, to what, in which city. A city's department
         *     reads its city's entries and the country's (the calendar). Newest first.
         *     Entries are never changed or removed. Administrators only.
         */
        get: operations["getAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kindergartens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a kindergarten
         * @description A kindergarten of the department's city (`region_id` a city or one of
         *     its districts inside it), open, with no groups yet (add them with `POST
         *     /v1/admin/kindergartens/{id}/groups`); its languages are its groups'.
         *     The registry code and the BIN are unique (409 `taken`); the BIN's check
         *     digit is checked. The English name is the Russian one unless given. In
         *     the audit log. Administrators only.
         */
        post: operations["postKindergarten"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kindergartens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a kindergarten
         * @description Any of the fields it was made with; `null` clears a contact or the
         *     hours. A kindergarten outside the department's city is not found. In the
         *     audit log (which fields). Administrators only.
         */
        patch: operations["patchKindergarten"];
        trace?: never;
    };
    "/v1/admin/kindergartens/{id}/suspend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Suspend a kindergarten
         * @description Suspended (repairs, a licence withdrawn), it takes no new enrolment and
         *     offers no place to an allocation round; the catalogue shows it
         *     `suspended` with no free places. Children enrolled stay; requests
         *     already made wait for its staff to decide. Suspending a suspended one
         *     keeps its first time and changes nothing. In the audit log.
         *     Administrators only.
         */
        post: operations["postKindergartenSuspend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kindergartens/{id}/reopen": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reopen a kindergarten
         * @description It takes children again, and its waiting list is served at once.
         *     Reopening an open one changes nothing. In the audit log. Administrators
         *     only.
         */
        post: operations["postKindergartenReopen"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/kindergartens/{id}/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add a group
         * @description A group of a kindergarten of the department's city; its waiting list
         *     is served at once into the new places. In the audit log. Administrators
         *     only.
         */
        post: operations["postKindergartenGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Edit a group
         * @description As its kindergarten's staff may (`PUT /v1/kindergarten/groups/{id}`),
         *     for a group of the department's city. The capacity cannot fall below the
         *     places taken (409 `below_taken`, the error's `count` the places taken).
         *     More places serve the kindergarten's waiting list. In the audit log.
         *     Administrators only.
         */
        patch: operations["patchGroup"];
        trace?: never;
    };
    "/v1/admin/groups/{id}/close": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Close a group
         * @description A closed group takes no enrolment, offers no place to a round and is
         *     gone from the catalogue. Children enrolled in it or with a contract under
         *     way must be moved first (409 `in_use` on `group_id`, the error's `count`
         *     their number). Requests waiting in it are declined with the reason: the
         *     seat frees, each voucher stays active for another choice, and the family
         *     is told, so no voucher is left on a group that is gone. Closing a closed
         *     group changes nothing. In the audit log. Administrators only.
         */
        post: operations["postGroupClose"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/admin/regions/{id}/allocation-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How a region's rounds place children
         * @description `ranked_choices` 0: rounds give pool vouchers, good at any
         *     kindergarten of the pool (age group, language, correction type).
         *     1 to 3: ranked-choice rounds, which place each child in one of the
         *     first `ranked_choices` kindergartens its application ranks
         *     (`PUT /v1/applications/{id}/choices`) by child-proposing deferred
         *     acceptance, each kindergarten taking children in the queue's order;
         *     a family group's children go to one kindergarten or none. Their
         *     vouchers name the kindergarten, and confirming one holds the seat
         *     there. `sibling_priority`: a child whose brother or sister attends a
         *     kindergarten comes first there, in ranked rounds and transfers.
         *     `pool_vouchers_outstanding`: pool vouchers still live, which keep a
         *     region on pool rounds until they are used or closed. Another city's
         *     region, or a district, is not found. Administrators only.
         */
        get: operations["getAllocationRules"];
        /**
         * Set how a region's rounds place children
         * @description From the next round on. 409 `vouchers_outstanding` (field
         *     `ranked_choices`) when pool vouchers are still live and ranked rounds
         *     are asked for; `busy` while a round of the region runs. Recorded in
         *     the audit log. Administrators only.
         */
        put: operations["putAllocationRules"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/applications/{id}/choices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Rank kindergartens
         * @description The kindergartens the family would have, best first, up to three,
         *     distinct, of the city the application queues in (an empty list ranks
         *     none). A region with ranked-choice rounds places the child in the
         *     first of its first `ranked_choices` that takes it; a pool round shows
         *     them to the kindergarten only. Ranking truthfully is safe: no family
         *     gains a better place by ranking otherwise. The children of a family
         *     group share one ranking: ranking one ranks all. Until a voucher
         *     (`awaiting_verification`, `queued`, `suspended`); 409 `closed` after.
         *     Another's application is not found.
         */
        put: operations["putApplicationChoices"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/family-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My family groups
         * @description The groups of the caller's children's applications, oldest first.
         */
        get: operations["getFamilyGroups"];
        put?: never;
        /**
         * Place children together
         * @description Two to four applications of the caller's own children (twins,
         *     siblings of one age group): one queue type, region and correction
         *     type, one age group this school year, the same languages. A
         *     ranked-choice round places them in one kindergarten or none of them,
         *     and says so in the round's protocol and their position histories
         *     (`round_family_not_together`); the group stands in the queue where its
         *     last child stands. They take the first application's ranking. 422
         *     `not_alike` when they differ, `invalid_value` for an application not
         *     the caller's; 409 `taken` when one is in a group already or past
         *     its voucher.
         */
        post: operations["postFamilyGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/family-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End a family group
         * @description Its children are placed each on its own from the next round on.
         *     Another family's group is not found.
         */
        delete: operations["deleteFamilyGroup"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My children's transfers
         * @description The transfers of the caller's children and of the children entrusted to it, newest first.
         */
        get: operations["getTransfers"];
        put?: never;
        /**
         * Move an enrolled child to another kindergarten
         * @description The voucher follows the child: no queue again. Up to three other
         *     kindergartens of the child's city, best first. The child keeps its
         *     seat until the new contract is signed by both sides; only then is
         *     the old seat given back, so a transfer that fails (declined, the
         *     contract not signed in time, an offer not answered) leaves the child
         *     where it was. A seat that frees at a kindergarten goes first to its
         *     waiting list (children with no place), then to the transfers that
         *     rank it: siblings of its children first where the region's rule says
         *     so, then in the order asked; `choices[].ahead` counts who is before.
         *     A free seat is offered at once. With each allocation round, children
         *     who each want the next one's kindergarten are offered a swap (top
         *     trading cycles). 409 `not_enrolled` (`child_id`) for a child not
         *     enrolled, `taken` while another transfer of the child is open.
         */
        post: operations["postTransfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A transfer
         * @description Another account's transfer is not found.
         */
        get: operations["getTransfer"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept the offer
         * @description A seat that freed: the seat held for the offer becomes an enrolment
         *     request with the kindergarten, and the contract flow follows
         *     (`/v1/kindergarten/enrolments`). A swap: once every family of the
         *     cycle accepted, each child's request goes to the kindergarten it
         *     moves to; the places change hands when every contract of the cycle
         *     is signed. 409 `no_offer`, `accepted_already`, `deadline_passed`
         *     (`offer_by`).
         */
        post: operations["postTransferAccept"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline the offer
         * @description The transfer ends; the seat held goes to the next in order. A swap
         *     declined ends for every family, and the others' transfers wait
         *     again. 409 `no_offer`, `deadline_passed`.
         */
        post: operations["postTransferDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transfers/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Withdraw the transfer
         * @description While it waits or is offered; a swap ends for every family. 409
         *     `closed` once accepted or ended.
         */
        post: operations["postTransferCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/contacts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Keep my kindergarten's contacts
         * @description The phone (kept as +7...), e-mail, web address and working hours of the
         *     staff's own kindergarten; `null` clears one. Everything else is the
         *     department's. In the audit log. Kindergarten staff only.
         */
        patch: operations["patchKindergartenContacts"];
        trace?: never;
    };
    "/v1/stats/queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Queue sizes
         * @description Queued applications by partition, with priority kinds and categories.
         */
        get: operations["getQueueStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/vouchers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Vouchers by month
         * @description Vouchers issued in each month of a year (Almaty time), and what became of them.
         */
        get: operations["getVoucherStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/stats/kindergartens/popular": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The most chosen kindergartens
         * @description Kindergartens by the number of live applications that name them, then by first choices.
         */
        get: operations["getPopularKindergartens"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/vouchers/{id}/enrolment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a kindergarten and a group
         * @description For an active voucher: a group of the kindergarten for the child's age
         *     group (the voucher's pool), correction type and one of the
         *     application's languages. The seat is held at once (the database
         *     allows one live seat per numbered place and never more than the
         *     capacity); the application becomes `awaiting_contract` and the
         *     kindergarten's staff are told. 409 `no_free_seat` when the group is
         *     full: the parent may join the kindergarten's waiting list.
         */
        post: operations["postEnrolment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergartens/{id}/waiting-list": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Wait for a seat at a kindergarten
         * @description For an application with an active voucher. The list is served in
         *     order whenever a seat frees (a decline, an expired contract, a voucher
         *     ended): the first waiting voucher that fits a free seat gets it held and
         *     the parent is told. Served at once when a seat fits and nobody waits
         *     ahead (`served_at` set, `enrolment_id` given).
         */
        post: operations["postWaitingList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/enrolments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The kindergarten's enrolment requests
         * @description Staff: the requests to their kindergarten, oldest first.
         */
        get: operations["getStaffEnrolments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/enrolments/{id}/contract": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the contract
         * @description Staff: the contract from the template (the parties, the child, the
         *     group, the start date, the monthly parent fee and the hours), sent to
         *     the parent, who has 5 working days to fill in their part, attach the
         *     documents and sign. The application becomes `contract_signing`.
         */
        post: operations["postStaffContract"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/enrolments/{id}/decline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decline a request
         * @description Staff, with a reason: the seat is freed (and the waiting list served),
         *     the voucher stays active and the parent is told.
         */
        post: operations["postStaffDecline"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Contracts
         * @description A parent's contracts (their children's and entrusted children's); a
         *     kindergarten's staff see their kindergarten's.
         */
        get: operations["getContracts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A contract
         * @description With its documents, what is missing, the hash of the signed bytes and the signatures (signer, time, certificate serial).
         */
        get: operations["getContract"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * The parent's part
         * @description The parent party (the child's owner) fills in address, phone and
         *     e-mail while the contract is a draft. When these and every document
         *     needed are in, the contract's bytes are fixed (`ready`).
         */
        patch: operations["patchContract"];
        trace?: never;
    };
    "/v1/contracts/{id}/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Attach a document
         * @description One of the parent's uploaded documents (`POST /v1/documents`) for one
         *     kind: `form_027u, birth_certificate, parent_id, form_052_2u, form_065u`,
         *     and `pmpk` for the special queue. Attaching a kind again replaces it
         *     while the contract is a draft.
         */
        post: operations["postContractDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The bytes both sides sign
         * @description The contract's text, UTF-8, exactly as signed: sign these bytes with a
         *     detached CMS signature. 409 `not_ready` until the parent's part is
         *     complete.
         */
        get: operations["getContractDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The parent's signature
         * @description A detached CMS (PKCS#7) signature, DER in base64, by the parent:
         *     the subject's serialNumber is `IIN` and the parent's IIN. It covers
         *     exactly the
         *     bytes of `GET /v1/contracts/{id}/document`, checked as a court
         *     would (docs/SIGNATURES.md): the signing time is an RFC 3161
         *     time-stamp over the signature's value, the client's
         *     (`timestamp_token`) or else one the service asks of its TSA; at
         *     that time the certificate chains to the trust store (the NCA's
         *     roots and intermediates; the demo CA in demo mode), is valid,
         *     carries keyUsage digitalSignature and nonRepudiation, and uses RSA
         *     2048+ or ECDSA with SHA-2, or GOST R 34.10-2012 with Streebog where
         *     enabled; its revocation is checked by OCSP (the certificate's AIA
         *     responder or the configured one, with a nonce), the CRL as the
         *     configured fallback. 422 names `cms`: `invalid_format` (not one
         *     detached signed-data with one signer), `signature_invalid` (other
         *     bytes), `untrusted_certificate`, `certificate_expired`,
         *     `wrong_key_usage`, `weak_algorithm`, `wrong_signer`,
         *     `certificate_revoked`, `certificate_unknown`; or `timestamp_token`:
         *     `invalid_format`, `timestamp_invalid` (not over this signature, or
         *     not from a trusted TSA), `timestamp_out_of_range` (before the
         *     contract or in the future), `required` (the service has no TSA).
         *     503 with Retry-After names `cms` `revocation_unavailable` (no
         *     verified OCSP or CRL answer) or `timestamp_token`
         *     `timestamp_unavailable` (the TSA gave none). Nothing changes on
         *     any of them. The signature is kept with its time-stamp, the
         *     revocation answer, the chain and a report: the evidence
         *     (`GET /v1/contracts/{id}/evidence`). When both sides have signed,
         *     the child is enrolled: the seat taken, the voucher used, the
         *     application `enrolled`, everyone told.
         */
        post: operations["postContractSignature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/contracts/{id}/evidence": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The evidence package of the signatures
         * @description What shows, years later, that both signatures were valid when they
         *     were made: the exact bytes, each party's CMS, the time-stamp token
         *     that dates it, the OCSP response (or CRL) of that moment, the chain
         *     to the trusted root and the service's report. `bq contracts verify
         *     FILE` re-checks it offline with OpenSSL alone and says whether it
         *     reproduces the report. For the contract's parties (the family, the
         *     kindergarten's staff); 409 `not_ready` while the bytes are not
         *     fixed.
         */
        get: operations["getContractEvidence"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/contracts/{id}/signature": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The kindergarten's signature
         * @description A detached CMS (PKCS#7) signature, DER in base64, by an employee
         *     of the kindergarten, as NCA RK certifies a legal entity's: the
         *     subject's OU is `BIN` and the kindergarten's `bin`, its
         *     serialNumber `IIN` and the employee's IIN (the signing account's,
         *     when the account has one on file). It covers exactly the
         *     bytes of `GET /v1/contracts/{id}/document`, checked as a court
         *     would (docs/SIGNATURES.md): the signing time is an RFC 3161
         *     time-stamp over the signature's value, the client's
         *     (`timestamp_token`) or else one the service asks of its TSA; at
         *     that time the certificate chains to the trust store (the NCA's
         *     roots and intermediates; the demo CA in demo mode), is valid,
         *     carries keyUsage digitalSignature and nonRepudiation, and uses RSA
         *     2048+ or ECDSA with SHA-2, or GOST R 34.10-2012 with Streebog where
         *     enabled; its revocation is checked by OCSP (the certificate's AIA
         *     responder or the configured one, with a nonce), the CRL as the
         *     configured fallback. 422 names `cms`: `invalid_format` (not one
         *     detached signed-data with one signer), `signature_invalid` (other
         *     bytes), `untrusted_certificate`, `certificate_expired`,
         *     `wrong_key_usage`, `weak_algorithm`, `wrong_signer`,
         *     `certificate_revoked`, `certificate_unknown`; or `timestamp_token`:
         *     `invalid_format`, `timestamp_invalid` (not over this signature, or
         *     not from a trusted TSA), `timestamp_out_of_range` (before the
         *     contract or in the future), `required` (the service has no TSA).
         *     503 with Retry-After names `cms` `revocation_unavailable` (no
         *     verified OCSP or CRL answer) or `timestamp_token`
         *     `timestamp_unavailable` (the TSA gave none). Nothing changes on
         *     any of them. The signature is kept with its time-stamp, the
         *     revocation answer, the chain and a report: the evidence
         *     (`GET /v1/contracts/{id}/evidence`). When both sides have signed,
         *     the child is enrolled: the seat taken, the voucher used, the
         *     application `enrolled`, everyone told.
         */
        post: operations["postStaffContractSignature"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/groups/{id}/attendance/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A group's day
         * @description Staff of the group's kindergarten: every child enrolled in the group, marked or not (`present` null).
         */
        get: operations["getGroupAttendance"];
        /**
         * Mark a day
         * @description Staff of the group's kindergarten mark children enrolled in the group:
         *     present, or absent with a reason (`illness`, `leave`, `other`). Not a day
         *     to come (422 `date`); only days the child attended the group: from
         *     its contract's start date and before it left (422 `[i].child_id`
         *     `not_enrolled_then`; `invalid_value` for a child never in the
         *     group); on a day off (a weekend or holiday of the working-day
         *     calendar) only absences (422 `[i].present` `not_working_day`). A
         *     mark may be changed until the parent approves the month, after which
         *     the database refuses any change (409 `date` `approved`). Errors name
         *     the item: `[2].child_id`.
         */
        put: operations["putGroupAttendance"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children/{id}/attendance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A child's month
         * @description The parent and trustees: each marked day of the month, the totals and the approval.
         */
        get: operations["getChildAttendance"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children/{id}/attendance/{month}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a month
         * @description The parent or a trustee approves a month that has ended (422 `month`
         *     `out_of_range` otherwise) and has marks (409 `not_ready`): from then on
         *     nobody can change its days, the kindergarten is paid on them. Twice: 409
         *     `approved`.
         */
        post: operations["postAttendanceApprove"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/statements/{month}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The month's statement
         * @description Staff: attended and absent days per child at their kindergarten in the
         *     month, counting only months the parents approved (the basis of voucher
         *     payments); `pending` counts children whose month is not approved yet.
         *     `format=csv` gives RFC 4180 CSV.
         */
        get: operations["getStatement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/kindergarten/menus/{date}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The kindergarten's menu of a day
         * @description Staff: what their kindergarten published for the day (no meals when nothing was).
         */
        get: operations["getMenu"];
        /**
         * Publish a menu
         * @description Staff: the day's meals (`breakfast`, `lunch`, `snack`, `dinner`, each at
         *     most once) with their dishes in kk and ru, and calories and allergens
         *     when known; replaces what was published for the day.
         */
        put: operations["putMenu"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/children/{id}/menu": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What the child's kindergarten serves
         * @description The parent and trustees: the menu of the kindergarten where the child is enrolled (`kindergarten_id` null and no meals when none).
         */
        get: operations["getChildMenu"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/feedback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Support's messages
         * @description Support staff: messages oldest first, `open` (default), `answered` or `all`; paged by `next_cursor`.
         */
        get: operations["getSupportFeedback"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/support/feedback/{id}/answer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a message
         * @description Support staff answer once (409 `answer` `taken` after); a signed-in author finds the answer in their inbox.
         */
        post: operations["postSupportAnswer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        FieldError: {
            /**
             * @description The field, as a path into the body (`child.iin`,
             *     `kindergarten_ids[2]`), or `body` for the body as a whole.
             */
            field: string;
            /** @enum {string} */
            code: "required" | "unknown_field" | "wrong_type" | "too_short" | "too_long" | "out_of_range" | "invalid_format" | "invalid_value" | "control_character" | "syntax" | "invalid_utf8" | "nul_character" | "duplicate_key" | "too_deep" | "trailing_data" | "not_object" | "empty" | "invalid_code" | "account_exists" | "taken" | "common_password" | "mismatch" | "check_digit" | "not_in_registry" | "not_registered" | "below_taken" | "content_mismatch" | "live_application" | "busy" | "closed" | "confirmed_already" | "not_active" | "deadline_passed" | "extended_already" | "not_last_day" | "no_free_seat" | "not_ready" | "signed_already" | "signature_invalid" | "untrusted_certificate" | "certificate_expired" | "wrong_signer" | "wrong_key_usage" | "weak_algorithm" | "certificate_revoked" | "certificate_unknown" | "revocation_unavailable" | "timestamp_invalid" | "timestamp_out_of_range" | "timestamp_unavailable" | "approved" | "born_in_future" | "personal_password" | "quota_exceeded" | "in_use" | "not_parent" | "claimable" | "not_needed" | "decided_already" | "not_withdrawable" | "not_restorable" | "invalid_transition" | "immutable" | "not_sent" | "not_enrolled_then" | "not_working_day" | "own_account" | "last_role" | "stop_listed" | "not_claimable" | "vouchers_outstanding" | "not_enrolled" | "no_offer" | "accepted_already" | "not_alike";
            /** @description For people, in the reply's language. */
            message: string;
            /**
             * @description The number a conflict is about: the places taken for
             *     `below_taken`, the children still in a group for `in_use`.
             */
            count?: number;
        };
        /**
         * @description An application's status (bq.application_status; docs/WORKFLOWS.md).
         * @enum {string}
         */
        ApplicationStatus: "awaiting_verification" | "queued" | "voucher_issued" | "voucher_active" | "awaiting_contract" | "contract_signing" | "enrolled" | "suspended" | "rejected" | "archived";
        /**
         * @description A voucher's status (bq.voucher_status).
         * @enum {string}
         */
        VoucherStatus: "issued" | "active" | "cancelled" | "used";
        /**
         * @description An enrolment's status (bq.enrolment_status).
         * @enum {string}
         */
        EnrolmentStatus: "requested" | "contract" | "enrolled" | "declined" | "cancelled";
        /**
         * @description A guardianship claim's status (bq.guardianship_status).
         * @enum {string}
         */
        GuardianshipStatus: "pending" | "confirmed" | "rejected";
        /**
         * @description A code of the queue_types reference list.
         * @enum {string}
         */
        QueueType: "general" | "special";
        /**
         * @description A code of the age_groups reference list.
         * @enum {string}
         */
        AgeGroup: "nursery" | "junior" | "middle" | "senior" | "preschool";
        /**
         * @description A code of the correction_types reference list.
         * @enum {string}
         */
        CorrectionType: "speech" | "hearing" | "vision" | "intellectual" | "developmental_delay" | "musculoskeletal" | "autism" | "tuberculosis";
        /**
         * @description A code of the priority_categories reference list.
         * @enum {string}
         */
        PriorityCategory: "military" | "special_state_bodies" | "fallen_in_service" | "disabled_parent" | "orphan" | "large_family" | "special_needs" | "teacher";
        /**
         * @description A code of the document_kinds reference list.
         * @enum {string}
         */
        DocumentKind: "pmpk" | "form_027u" | "birth_certificate" | "parent_id" | "form_052_2u" | "form_065u" | "priority_proof" | "other" | "guardianship" | "workplace_certificate" | "service_death_certificate" | "disability_certificate" | "large_family_certificate";
        AllocationRules: {
            /** Format: uuid */
            region_id: string;
            ranked_choices: number;
            sibling_priority: boolean;
            pool_vouchers_outstanding: number;
        };
        AllocationRulesRequest: {
            /** @description 0 for pool rounds; N for ranked rounds over the first N kindergartens ranked. */
            ranked_choices: number;
            sibling_priority: boolean;
        };
        ChoicesRequest: {
            /** @description Best first; kindergartens of the application's queue city. */
            kindergarten_ids: string[];
        };
        FamilyGroupRequest: {
            application_ids: string[];
        };
        FamilyGroup: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created_at: string;
            applications: {
                /** Format: uuid */
                id: string;
                number: string;
                status: components["schemas"]["ApplicationStatus"];
                status_label: string;
                child: {
                    /** Format: uuid */
                    id: string;
                    surname: string;
                    first_name: string;
                    /** Format: date */
                    birth_date: string;
                };
            }[];
            /** @description The group's ranking, its children's one. */
            kindergarten_ids: string[] | null;
        };
        FamilyGroupList: {
            items: components["schemas"]["FamilyGroup"][];
        };
        TransferRequest: {
            /** Format: uuid */
            child_id: string;
            /** @description Best first; other kindergartens of the child's city. */
            kindergarten_ids: string[];
        };
        /**
         * @description waiting: for a seat or a swap. offered: a seat is held for the
         *     family, or a swap proposed, until `offer.offer_by`. accepted: the new
         *     enrolment and contract are in progress (the child keeps its seat).
         *     done: moved, the old seat given back. declined, cancelled: ended by
         *     the family or an offer not answered. failed: the new place failed,
         *     the child stayed.
         * @enum {string}
         */
        TransferStatus: "waiting" | "offered" | "accepted" | "done" | "declined" | "failed" | "cancelled";
        KindergartenBrief: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
        };
        GroupBrief: {
            /** Format: uuid */
            id: string;
            name: string;
            age_group: string;
            language: string;
            correction_type: string | null;
        };
        Transfer: {
            /** Format: uuid */
            id: string;
            status: components["schemas"]["TransferStatus"];
            status_label: string;
            /** Format: uuid */
            application_id: string;
            child: {
                /** Format: uuid */
                id: string;
                surname: string;
                first_name: string;
            };
            from: {
                /** Format: uuid */
                enrolment_id: string;
                kindergarten: components["schemas"]["KindergartenBrief"];
                group: components["schemas"]["GroupBrief"];
            };
            choices: {
                kindergarten: components["schemas"]["KindergartenBrief"];
                /** @description Served before this transfer there (its waiting list, then transfers ahead); null unless waiting. */
                ahead: number | null;
            }[];
            offer: null | {
                kindergarten: components["schemas"]["KindergartenBrief"];
                group: components["schemas"]["GroupBrief"];
                /** Format: date-time */
                offer_by: string | null;
                /** Format: uuid */
                swap_id: string | null;
                /** @description The families of the swap (0 for a seat that freed). */
                swap_size: number;
            };
            /**
             * Format: uuid
             * @description The enrolment with the new kindergarten, once accepted.
             */
            enrolment_id: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            closed_at: string | null;
            reason: string | null;
        };
        TransferList: {
            items: components["schemas"]["Transfer"][];
        };
        /**
         * @description Why a position moved: the application joined (`queued`), someone
         *     joined behind (`filed`) or ahead by priority (`priority_filed`,
         *     `extraordinary_filed`) or came back (`restored`), someone ahead
         *     left the queue, named by where they went, or a priority changed:
         *     its own or another's claim proved (`priority_confirmed`), its
         *     proof expired (`priority_expired`) or found false
         *     (`priority_refuted`). `priority_claimed`: the application joined
         *     with a claim not yet proved, placed as ordinary. `round_*`: a round
         *     passed it over while a child behind it got a place, and why (the
         *     round's `skipped`).
         * @enum {string}
         */
        HistoryCause: "queued" | "filed" | "priority_filed" | "extraordinary_filed" | "restored" | "archived" | "voucher_issued" | "priority_claimed" | "priority_confirmed" | "priority_expired" | "priority_refuted" | "round_no_place_in_languages" | "round_no_place_in_choices" | "round_family_not_together";
        CalendarDay: {
            /** Format: date */
            date: string;
            /** @description A working day (a weekend day moved by decree) or a day off. */
            working: boolean;
            reason: string;
            /** @description The law or decree, where known. */
            source: string | null;
        };
        CalendarYear: {
            /** Format: int32 */
            year: number;
            /** @description Null while the year's holidays are not loaded. */
            maintained: null | {
                source: string;
                note: string | null;
                /** Format: date-time */
                at: string;
            };
            days: components["schemas"]["CalendarDay"][];
        };
        CalendarYearRequest: {
            source: string;
            note?: string | null;
        };
        CalendarDayRequest: {
            working: boolean;
            reason: string;
            source?: string | null;
        };
        StaffList: {
            items: {
                /** Format: uuid */
                id: string;
                login: string | null;
                surname: string;
                first_name: string;
                patronymic: string | null;
                email: string | null;
                phone: string | null;
                roles: components["schemas"]["Role"][];
                scopes: components["schemas"]["RoleScope"][];
                /** Format: date-time */
                created_at: string;
            }[];
        };
        NotificationSettings: {
            /** @description Messages that need an action come by SMS too. */
            sms: boolean;
            /** @description And by e-mail, to the verified address. */
            email: boolean;
            /**
             * @description The language of SMS, e-mail and inbox messages.
             * @enum {string}
             */
            language: "kk" | "ru" | "en";
            /** @description The account has a phone to send SMS to. */
            phone: boolean;
            /** @description The account has a verified e-mail address. */
            email_address: boolean;
        };
        NotificationSettingsRequest: {
            sms?: boolean;
            email?: boolean;
            /** @enum {string} */
            language?: "kk" | "ru" | "en";
        };
        SmsReceipt: {
            /**
             * Format: uuid
             * @description The id bq-sms gave the gateway with the message.
             */
            id: string;
            /** @enum {string} */
            state: "delivered" | "failed";
        };
        /**
         * @description One copy of an inbox message outside the app. `queued`: to go at
         *     `at` (quiet hours move it, not the deadline); `failed`: tried and to
         *     be tried again at `at`, or refused by the gateway (then `at` is its
         *     receipt's time); `sent`; `delivered` (the gateway's receipt); `dead`:
         *     given up after the last try, or its deadline passed first.
         */
        Delivery: {
            /** @enum {string} */
            channel: "sms" | "email";
            /** @enum {string} */
            state: "queued" | "sent" | "delivered" | "failed" | "dead";
            /** Format: date-time */
            at: string;
        };
        /**
         * @description What a notification is about; its text is in the reader's language.
         * @enum {string}
         */
        NotificationKind: "application_awaiting" | "application_confirmed" | "application_expired" | "application_queued" | "application_rejected" | "application_restored" | "application_withdrawn" | "child_claimed" | "child_enrolled" | "contract_expired" | "contract_reminder" | "contract_sent" | "enrolment_declined" | "enrolment_reminder" | "enrolment_requested" | "extension_offered" | "feedback_answered" | "guardianship_confirmed" | "guardianship_rejected" | "priority_confirmed" | "priority_expired" | "priority_refuted" | "restore_reminder" | "seat_held" | "swap_offered" | "transfer_done" | "transfer_failed" | "transfer_offered" | "trustee_accepted" | "trustee_invited" | "voucher_confirm_reminder" | "voucher_confirmed" | "voucher_extended" | "voucher_issued" | "voucher_not_confirmed" | "voucher_not_confirmed_final" | "voucher_not_enrolled" | "voucher_refused";
        /** @description RFC 9457 problem details. */
        Problem: {
            /**
             * Format: uri
             * @example urn:balabaqsha:problem:validation_failed
             */
            type: string;
            /**
             * @description The problem type's short name, in the reply's language
             *     ("Validation failed"); the same for every problem of the code.
             */
            title: string;
            status: number;
            /**
             * @description Stable; clients branch on it.
             * @enum {string}
             */
            code: "bad_request" | "malformed_json" | "validation_failed" | "unauthorized" | "invalid_credentials" | "forbidden" | "not_found" | "method_not_allowed" | "conflict" | "length_required" | "payload_too_large" | "unsupported_media_type" | "account_locked" | "rate_limited" | "internal_error" | "service_unavailable" | "calendar_not_maintained" | "account_blocked";
            /**
             * @description This case, for people: the one field error's message when
             *     there is one, why a token was refused (an expired one says
             *     so), or the type's general explanation.
             */
            detail: string;
            request_id: string;
            errors: components["schemas"]["FieldError"][];
        };
        /**
         * @description 12 digits with a valid check digit (`check_digit` otherwise), whose birth date (YYMMDD and the century digit) is not after today in Kazakhstan (`born_in_future` otherwise).
         * @example 850312400009
         */
        Iin: string;
        /**
         * @description A Kazakhstan number (+7 6xx or +7 7xx) in any usual notation; stored as E.164.
         * @example +7 701 111 22 33
         */
        Phone: string;
        Code: string;
        /** @description 8 to 40 characters (`too_short`, `too_long`), no control characters (`control_character`), not only white space (`empty`), not among the 10,000 most common compared in lower case without spaces, nor fewer than four different characters (`common_password`), and not holding the account's IIN, phone (its ten digits), login or e-mail (`personal_password`). Passwords set before this rule stay valid for login up to 128 characters. */
        NewPassword: string;
        /** @enum {string} */
        Role: "parent" | "verifier" | "kindergarten_staff" | "support" | "admin";
        OtpRequest: {
            phone: components["schemas"]["Phone"];
            iin: components["schemas"]["Iin"];
            /** @enum {string} */
            purpose: "register" | "login" | "reset";
            /**
             * @description The data policy was shown and accepted.
             * @constant
             */
            policy_accepted: true;
        };
        OtpIssued: {
            /** @description Seconds the code stays valid. */
            expires_in: number;
            /** @description Seconds before another code may be asked for. */
            resend_after: number;
        };
        EmailCode: {
            code: components["schemas"]["Code"];
        };
        CodeRequest: {
            phone: components["schemas"]["Phone"];
            iin: components["schemas"]["Iin"];
            code: components["schemas"]["Code"];
        };
        /** @description What the state person registry knows of the IIN's holder. */
        Person: {
            iin: string;
            surname: string;
            first_name: string;
            patronymic: string | null;
            /** @enum {string|null} */
            sex: "male" | "female" | null;
            /** Format: date */
            birth_date: string | null;
            nationality: string | null;
        };
        RegistrationVerified: {
            /** @description For `POST /v1/auth/register`; single use. */
            registration_token: string;
            expires_in: number;
            person: components["schemas"]["Person"];
        };
        RegisterRequest: {
            registration_token: string;
            password: components["schemas"]["NewPassword"];
            password_confirm: string;
        };
        Account: {
            /** Format: uuid */
            id: string;
            iin: string | null;
            surname: string;
            first_name: string;
            patronymic: string | null;
            /** @enum {string|null} */
            sex: "male" | "female" | null;
            /** Format: date */
            birth_date: string | null;
            nationality: string | null;
            phone: string | null;
            /** @description An address the account proved with a code. */
            email: string | null;
            /**
             * @description The address a code was sent to, until it is verified (`POST
             *     /v1/me/email/verify`) or the code runs out (30 minutes).
             */
            email_pending: string | null;
            login: string | null;
            roles: components["schemas"]["Role"][];
            /** @description Where each of the roles acts, in the order of `roles`: a kindergarten's staff work for `kindergarten`, a verifier for the education department of `region`; both are null for the other roles. */
            scopes: components["schemas"]["RoleScope"][];
            active_role: components["schemas"]["Role"];
            /** @enum {string} */
            language: "kk" | "ru" | "en";
            /** Format: date-time */
            created_at: string;
        };
        RoleScope: {
            role: components["schemas"]["Role"];
            kindergarten: null | {
                /** Format: uuid */
                id: string;
                bin: string;
                name_kk: string;
                name_ru: string;
            };
            region: null | {
                /** Format: uuid */
                id: string;
                code: string;
                name_kk: string;
                name_ru: string;
            };
        };
        Tokens: {
            /** @description Send in the Authorization header as Bearer; valid for expires_in seconds. */
            access_token: string;
            /** @description For `POST /v1/auth/refresh`; single use, rotated each time. */
            refresh_token: string;
            /** @constant */
            token_type: "Bearer";
            /** @description Seconds the access token lives; never past the session's end. */
            expires_in: number;
            /** @description Seconds until the session ends. */
            refresh_expires_in: number;
            account: components["schemas"]["Account"];
        };
        LoginRequest: {
            /** @description An IIN, a phone number, an e-mail address or a login name. */
            login: string;
            password: string;
            /** @default false */
            remember?: boolean;
        };
        PasswordResetRequest: {
            phone: components["schemas"]["Phone"];
            iin: components["schemas"]["Iin"];
            code: components["schemas"]["Code"];
            password: components["schemas"]["NewPassword"];
            password_confirm: string;
        };
        RefreshRequest: {
            refresh_token: string;
        };
        AccountPatch: {
            /** Format: email */
            email?: string | null;
            login?: string | null;
            /** @enum {string} */
            language?: "kk" | "ru" | "en";
        };
        PasswordChangeRequest: {
            current_password: string;
            password: components["schemas"]["NewPassword"];
            password_confirm: string;
        };
        RoleRequest: {
            role: components["schemas"]["Role"];
        };
        UserLog: {
            items: {
                id: string;
                /** Format: date-time */
                at: string;
                /** @description registered, login, login_failed, locked, logout, password_changed, password_reset, role_switched, profile_updated, session_revoked, staff_created, notification_settings_changed, calendar_year_maintained, calendar_day_set, calendar_day_removed */
                action: string;
                detail: Record<string, never>;
            }[];
            next_cursor: string | null;
        };
        StaffRequest: {
            login: string;
            password: components["schemas"]["NewPassword"];
            surname: string;
            first_name: string;
            patronymic?: string | null;
            /** Format: email */
            email?: string | null;
            phone?: components["schemas"]["Phone"] | null;
            /** @enum {string} */
            role: "verifier" | "kindergarten_staff" | "support" | "admin";
            /** Format: uuid */
            kindergarten_id?: string | null;
        };
        LocalizedNames: {
            kk: string;
            ru: string;
            en: string;
        };
        RegionList: {
            items: {
                /** Format: uuid */
                id: string;
                code: string;
                /** @enum {string} */
                kind: "region" | "city" | "district";
                name: string;
                localities: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                    kind: string;
                    name: string;
                }[];
            }[];
        };
        ReferenceItem: {
            code: string;
            name: components["schemas"]["LocalizedNames"];
            /** @enum {string} */
            kind?: "extraordinary" | "priority";
            min_months?: number;
            max_months?: number;
            /** @description A priority category's documents that prove it (document_kinds codes). */
            proof_kinds?: components["schemas"]["DocumentKind"][];
            /** @description For how many months from its issue a priority category's proof holds; absent when it does not lapse. */
            valid_months?: number;
        };
        ReferenceLists: {
            queue_types: components["schemas"]["ReferenceItem"][];
            languages: components["schemas"]["ReferenceItem"][];
            age_groups: components["schemas"]["ReferenceItem"][];
            priority_categories: components["schemas"]["ReferenceItem"][];
            correction_types: components["schemas"]["ReferenceItem"][];
            ownerships: components["schemas"]["ReferenceItem"][];
            document_kinds: components["schemas"]["ReferenceItem"][];
        };
        Location: {
            lat: number;
            lon: number;
        };
        KindergartenItem: {
            /** Format: uuid */
            id: string;
            code: string;
            name: string;
            address: string;
            /** Format: uuid */
            region_id: string;
            location: components["schemas"]["Location"];
            /** @enum {string} */
            ownership: "state" | "private";
            languages: string[];
            age_groups: string[];
            correction_types: string[];
            /** @description Free places of its open groups; 0 while suspended. */
            free_places: number;
            status: components["schemas"]["KindergartenStatus"];
            phone: string | null;
            /** @description Metres from `near`, when asked. */
            distance_m: number | null;
        };
        KindergartenPage: {
            items: components["schemas"]["KindergartenItem"][];
            next_cursor: string | null;
        };
        Group: {
            /** Format: uuid */
            id: string;
            name: string;
            age_group: string;
            /** @enum {string} */
            language: "kk" | "ru";
            correction_type: string | null;
            capacity: number;
            /** @description Capacity less the places taken (enrolled or held); 0 once closed. */
            free_places: number;
            /**
             * Format: date-time
             * @description When the department closed it (it takes no enrolment); null while open.
             */
            closed_at: string | null;
        };
        GroupPatch: {
            capacity?: number;
            name?: string;
            age_group?: components["schemas"]["AgeGroup"];
            /** @enum {string} */
            language?: "kk" | "ru";
            correction_type?: components["schemas"]["CorrectionType"] | null;
        };
        AdminAccount: {
            /** Format: uuid */
            id: string;
            iin: string | null;
            login: string | null;
            surname: string;
            first_name: string;
            patronymic: string | null;
            email: string | null;
            phone: string | null;
            roles: components["schemas"]["Role"][] | null;
            scopes: components["schemas"]["RoleScope"][] | null;
            /** @enum {string} */
            language: "kk" | "ru" | "en";
            /** Format: date-time */
            created_at: string;
            /** @description When and why the department blocked it; null when it is not. */
            blocked: null | {
                /** Format: date-time */
                at: string;
                reason: string;
            };
        };
        /**
         * @description Where the role acts: `kindergarten_id` for kindergarten staff (and
         *     only them), `region_id` (a city) for a verifier or an
         *     administrator; neither for support.
         */
        RoleGrantRequest: {
            /** Format: uuid */
            kindergarten_id?: string | null;
            /** Format: uuid */
            region_id?: string | null;
        };
        BlockRequest: {
            /** @description Why, for the audit log and those told. */
            reason: string;
        };
        /**
         * @description What an administrative act was.
         * @enum {string}
         */
        AuditAction: "staff_created" | "role_granted" | "role_revoked" | "account_blocked" | "account_unblocked" | "kindergarten_created" | "kindergarten_updated" | "kindergarten_contacts_updated" | "kindergarten_suspended" | "kindergarten_reopened" | "group_created" | "group_updated" | "group_closed" | "calendar_year_maintained" | "calendar_day_set" | "calendar_day_removed" | "round_schedule_set";
        AuditEntry: {
            /** @description The entry's number, increasing. */
            id: string;
            /** Format: date-time */
            at: string;
            action: components["schemas"]["AuditAction"];
            /** @enum {string} */
            object_type: "account" | "kindergarten" | "group" | "calendar" | "region";
            /** @description The object's id; a year or a day for the calendar. */
            object_id: string;
            /**
             * Format: uuid
             * @description The city; null for the whole country.
             */
            region_id: string | null;
            /** @description Who did it; null for the system. */
            actor: null | {
                /** Format: uuid */
                id: string;
                role: components["schemas"]["Role"] | null;
                name: string | null;
            };
            /** @description What changed (the fields, the role, the reason); never a personal value. */
            detail: Record<string, never>;
        };
        AuditPage: {
            items: components["schemas"]["AuditEntry"][];
            next_cursor: string | null;
        };
        KindergartenNew: {
            code: components["schemas"]["KindergartenCode"];
            bin: components["schemas"]["Bin"];
            name_kk: string;
            name_ru: string;
            name_en?: string | null;
            /** Format: uuid */
            region_id: string;
            address_kk: string;
            address_ru: string;
            lat: number;
            lon: number;
            /** @enum {string} */
            ownership: "state" | "private";
            phone?: components["schemas"]["ContactPhone"];
            email?: components["schemas"]["ContactEmail"];
            website?: components["schemas"]["ContactWebsite"];
            hours?: components["schemas"]["WorkingHours"];
        };
        KindergartenPatch: {
            code?: components["schemas"]["KindergartenCode"];
            bin?: components["schemas"]["Bin"];
            name_kk?: string;
            name_ru?: string;
            name_en?: string;
            /** Format: uuid */
            region_id?: string;
            address_kk?: string;
            address_ru?: string;
            lat?: number;
            lon?: number;
            /** @enum {string} */
            ownership?: "state" | "private";
            phone?: components["schemas"]["ContactPhone"];
            email?: components["schemas"]["ContactEmail"];
            website?: components["schemas"]["ContactWebsite"];
            hours?: components["schemas"]["WorkingHours"];
        };
        ContactsPatch: {
            phone?: components["schemas"]["ContactPhone"];
            email?: components["schemas"]["ContactEmail"];
            website?: components["schemas"]["ContactWebsite"];
            hours?: components["schemas"]["WorkingHours"];
        };
        /** @description The education department's registry number; unique. */
        KindergartenCode: string;
        /** @description The business identification number, 12 digits with an IIN's check digit; unique. */
        Bin: string;
        /** @description Any usual form of a Kazakhstan number; kept as +7 and ten digits. */
        ContactPhone: string | null;
        /** Format: email */
        ContactEmail: string | null;
        /** @description An http:// or https:// address. */
        ContactWebsite: string | null;
        /** @description For people, as the kindergarten writes them (Mon-Fri 07:30-19:00). */
        WorkingHours: string | null;
        GroupNew: {
            capacity: number;
            name: string;
            age_group: components["schemas"]["AgeGroup"];
            /** @enum {string} */
            language: "kk" | "ru";
            correction_type?: components["schemas"]["CorrectionType"] | null;
        };
        /**
         * @description `suspended`: the department stopped its enrolment (no new requests,
         *     no places in rounds); `open` otherwise.
         * @enum {string}
         */
        KindergartenStatus: "open" | "suspended";
        KindergartenCard: {
            /** Format: uuid */
            id: string;
            code: string;
            /** @description 12 digits; the check digit of an IIN. */
            bin: string;
            name: string;
            names: components["schemas"]["LocalizedNames"];
            address: string;
            region: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            };
            location: components["schemas"]["Location"];
            ownership: string;
            contacts: {
                phone: string | null;
                email: string | null;
                website: string | null;
            };
            hours: string | null;
            status: components["schemas"]["KindergartenStatus"];
            /** @description Why the department suspended it; null while open. */
            suspended_reason: string | null;
            /** @description Its open groups' languages. */
            languages: string[];
            groups: components["schemas"]["Group"][];
            free_places: number;
        };
        IinRequest: {
            iin: components["schemas"]["Iin"];
        };
        RegistryChild: {
            iin: string;
            surname: string;
            first_name: string;
            patronymic: string | null;
            /** Format: date */
            birth_date: string;
            nationality: string | null;
        };
        ChildRequest: {
            iin: components["schemas"]["Iin"];
            /** @enum {string} */
            sex: "male" | "female";
            /**
             * @description Take the child from an account with no standing that holds
             *     it (after a 409 `claimable`); only a parent or confirmed
             *     guardian may.
             * @default false
             */
            claim?: boolean;
        };
        ChildPatch: {
            /** @enum {string} */
            sex?: "male" | "female";
        };
        Child: {
            /** Format: uuid */
            id: string;
            iin: string;
            surname: string;
            first_name: string;
            patronymic: string | null;
            /** Format: date */
            birth_date: string;
            /** @enum {string} */
            sex: "male" | "female";
            nationality: string | null;
            has_photo: boolean;
            /**
             * @description How the caller stands to the child.
             * @enum {string}
             */
            access: "owner" | "trustee";
            /** Format: date-time */
            created_at: string;
        };
        ChildList: {
            items: components["schemas"]["Child"][];
        };
        TrusteeInvitation: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            child_id: string;
            iin: components["schemas"]["Iin"];
            /** @enum {string} */
            status: "pending" | "accepted" | "declined" | "cancelled" | "expired";
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            expires_at: string;
        };
        PersonName: {
            surname: string;
            first_name: string;
            patronymic: string | null;
        };
        ChildName: {
            surname: string;
            first_name: string;
            patronymic: string | null;
            /** Format: date */
            birth_date: string;
        };
        InvitationList: {
            items: {
                /** Format: uuid */
                id: string;
                child: components["schemas"]["ChildName"];
                invited_by: components["schemas"]["PersonName"];
                /** Format: date-time */
                created_at: string;
                /** Format: date-time */
                expires_at: string;
            }[];
        };
        GuardianshipRequest: {
            iin: components["schemas"]["Iin"];
            /**
             * Format: uuid
             * @description Where the child lives: the verifiers of its city or region
             *     (the top region of this one) decide.
             */
            region_id: string;
            /**
             * Format: uuid
             * @description Your upload of kind `guardianship`.
             */
            document_id: string;
        };
        Guardianship: {
            /** Format: uuid */
            id: string;
            iin: components["schemas"]["Iin"];
            /**
             * Format: uuid
             * @description The city or region whose verifiers decide it.
             */
            region_id: string;
            child: components["schemas"]["ChildName"];
            /** Format: uuid */
            document_id: string;
            /** @enum {string} */
            status: "pending" | "confirmed" | "rejected";
            /** @description Why the verifier rejected it. */
            reason: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            decided_at: string | null;
            /** @description Who filed it; in the verifier's list only. */
            guardian?: {
                iin: components["schemas"]["Iin"];
                surname: string;
                first_name: string;
                patronymic: string | null;
            };
        };
        GuardianshipList: {
            items: components["schemas"]["Guardianship"][];
        };
        TrusteeList: {
            invitations: components["schemas"]["TrusteeInvitation"][];
            items: {
                /** Format: uuid */
                account_id: string;
                surname: string;
                first_name: string;
                patronymic: string | null;
                /** Format: date-time */
                granted_at: string;
            }[];
        };
        StoredFile: {
            content_type: string;
            size: number;
            sha256: string;
        };
        Document: {
            /** Format: uuid */
            id: string;
            kind: string;
            /** @enum {string} */
            content_type: "application/pdf" | "image/jpeg" | "image/png";
            size: number;
            /** @description Hex SHA-256 of the bytes. */
            sha256: string;
            /** Format: date-time */
            created_at: string;
        };
        PriorityProofRequest: {
            /** Format: uuid */
            document_id: string;
        };
        PriorityConfirmRequest: {
            /**
             * Format: date
             * @description The day the proof was issued (Almaty), not after today; its validity is counted from it.
             */
            issued_on: string;
        };
        PriorityRefuteRequest: {
            /** @description Why the claim is false; the family is told. */
            reason: string;
        };
        ApplicationRequest: {
            /** Format: uuid */
            child_id: string;
            /** @enum {string} */
            queue_type: "general" | "special";
            /** Format: uuid */
            region_id: string;
            languages: ("kk" | "ru")[];
            kindergarten_ids?: string[];
            priority_category?: components["schemas"]["PriorityCategory"] | null;
            correction_type?: components["schemas"]["CorrectionType"] | null;
            /** Format: uuid */
            pmpk_document_id?: string | null;
            /**
             * Format: uuid
             * @description The proof of the priority category, uploaded first as a document
             *     of one of the category's kinds (GET /v1/reference,
             *     `priority_categories[].proof_kinds`). Required with a
             *     `priority_category`, refused without one. The claim is placed as
             *     ordinary until a verifier of the region confirms it.
             */
            priority_document_id?: string | null;
            /** @constant */
            consent: true;
        };
        Application: {
            /** Format: uuid */
            id: string;
            number: string;
            /** Format: date-time */
            filed_at: string;
            /** @enum {string} */
            queue_type: "general" | "special";
            child: {
                /** Format: uuid */
                id: string;
                surname: string;
                first_name: string;
                patronymic: string | null;
                /** Format: date */
                birth_date: string;
            };
            region: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            };
            languages: string[];
            kindergartens: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            }[];
            priority_category: string | null;
            /**
             * @description The claim's standing. claimed: its proof waits for a verifier and
             *     it is placed as ordinary; confirmed: it counts, until
             *     `priority_valid_until`; expired: the proof's validity ended at a
             *     round and it is placed as ordinary until a new proof is
             *     confirmed; refuted: a verifier found it false.
             * @enum {string|null}
             */
            priority_state: "claimed" | "confirmed" | "expired" | "refuted" | null;
            /**
             * Format: date
             * @description The last day the confirmed proof holds; null when it does not lapse.
             */
            priority_valid_until: string | null;
            /**
             * Format: uuid
             * @description The proof the claim stands on (the last handed in).
             */
            priority_document_id: string | null;
            /**
             * Format: date-time
             * @description After a claim found false, the end of the family's stop list; no application may be filed before it.
             */
            filing_stopped_until: string | null;
            correction_type: string | null;
            /** Format: uuid */
            pmpk_document_id: string | null;
            age_group: string | null;
            birth_year: number;
            /** @enum {string} */
            status: "awaiting_verification" | "queued" | "voucher_issued" | "voucher_active" | "awaiting_contract" | "contract_signing" | "enrolled" | "suspended" | "rejected" | "archived";
            /** @description The status in the portal's words, in the reply's language. */
            status_label: string;
            /** @description The place in the queue while queued, else null. */
            queue_position: number | null;
            financing_type: string;
            /**
             * Format: uuid
             * @description The family group placed together with it (`/v1/family-groups`).
             */
            family_group_id: string | null;
            timeline: {
                /** @enum {string} */
                stage: "queue" | "waiting" | "kindergarten_choice" | "financing_type" | "admission";
                /** @enum {string} */
                state: "done" | "current" | "pending" | "closed";
                /** Format: date-time */
                at: string | null;
            }[];
        };
        ApplicationList: {
            items: components["schemas"]["Application"][];
        };
        PositionHistory: {
            items: {
                /** Format: date-time */
                at: string;
                position: number | null;
                change: number | null;
                cause: components["schemas"]["HistoryCause"];
            }[];
            position: number | null;
        };
        QueuePage: {
            items: {
                position: number;
                number: string;
                /** Format: date-time */
                filed_at: string;
                /** @enum {string|null} */
                priority: "extraordinary" | "priority" | null;
            }[];
            next_cursor: string | null;
        };
        RejectRequest: {
            reason: string;
        };
        NotificationPage: {
            items: {
                /** Format: uuid */
                id: string;
                /** Format: date-time */
                at: string;
                kind: components["schemas"]["NotificationKind"];
                text: string;
                read: boolean;
                link: string | null;
                /** @description Its copies by SMS and e-mail, if any went out. */
                deliveries: components["schemas"]["Delivery"][];
            }[];
            next_cursor: string | null;
        };
        UnreadCount: {
            count: number;
        };
        FeedbackRequest: {
            /** @enum {string} */
            topic: "question" | "complaint" | "suggestion" | "technical_problem" | "other";
            /** @description Line breaks and tabs allowed; no other control characters. */
            message: string;
            name?: string | null;
            /** Format: email */
            email?: string | null;
            /**
             * @description A Kazakhstan number (+7 6xx or +7 7xx) in any usual notation.
             * @example +7 701 234 56 78
             */
            phone?: string | null;
        };
        Feedback: {
            /** Format: uuid */
            id: string;
            topic: string;
            /** Format: date-time */
            created_at: string;
        };
        Forecast: {
            /** Format: uuid */
            application_id: string;
            status: string;
            position: number | null;
            /** @enum {string} */
            method: "partition_monthly_rate";
            /** @description The share of outcomes the range should hold. */
            confidence: number;
            window: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
            };
            /** @description Vouchers the partition got in the window. */
            vouchers: number;
            months_with_vouchers: number;
            monthly_mean: number;
            monthly_sd: number;
            monthly: {
                /** Format: date */
                from: string;
                /** Format: date */
                to: string;
                vouchers: number;
            }[];
            estimate: {
                /** Format: date */
                earliest: string;
                /** Format: date */
                likely: string;
                /** Format: date */
                latest: string;
                months: number;
            } | null;
            /** @enum {string|null} */
            reason: "not_queued" | "too_little_history" | null;
        };
        Voucher: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            application_id: string;
            application_number: string;
            child: {
                /** Format: uuid */
                id: string;
                surname: string;
                first_name: string;
            };
            /** @enum {string} */
            status: "issued" | "active" | "cancelled" | "used";
            /** @description The status in the portal's words, in the reply's language. */
            status_label: string;
            /** Format: date-time */
            issued_at: string;
            /**
             * Format: date-time
             * @description The end (Almaty time) of the 2nd working day after issue.
             */
            confirm_by: string;
            /** Format: date-time */
            confirmed_at: string | null;
            /**
             * Format: date-time
             * @description Set on confirmation; the end of the 5th working day after it.
             */
            enrol_by: string | null;
            extended: boolean;
            /** @description Active, not extended, and today (Almaty) is its last day. */
            can_extend: boolean;
            /** Format: date-time */
            closed_at: string | null;
            /** @enum {string|null} */
            cancel_reason: "refused" | "not_confirmed" | "not_enrolled" | "withdrawn" | "priority_refuted" | null;
            age_group: string;
            /** @enum {string} */
            language: "kk" | "ru";
            correction_type: string | null;
            /** Format: uuid */
            round_id: string;
            /**
             * Format: uuid
             * @description A ranked-choice round's voucher: the kindergarten the round placed
             *     the child in; confirming the voucher holds the seat there. Null
             *     for a pool voucher.
             */
            kindergarten_id: string | null;
        };
        VoucherList: {
            items: components["schemas"]["Voucher"][];
        };
        RoundRequest: {
            /**
             * Format: uuid
             * @description A city (a top-level region).
             */
            region_id: string;
        };
        RegionQueue: {
            /** Format: uuid */
            region_id: string;
            /**
             * Format: date-time
             * @description When the queue was read.
             */
            at: string;
            items: {
                queue_type: components["schemas"]["QueueType"];
                correction_type: string | null;
                birth_year: number;
                position: number;
                number: string;
                /** @enum {string|null} */
                priority: "extraordinary" | "priority" | null;
                /** Format: date-time */
                filed_at: string;
                /** Format: uuid */
                application_id: string;
            }[];
        };
        DepartmentStatements: {
            month: string;
            items: {
                /** Format: uuid */
                kindergarten_id: string;
                bin: string;
                name: string;
                /** @description Children whose month the parents approved. */
                children: number;
                attended: number;
                absent: number;
                /** @description Children with days marked whose month is not approved yet. */
                pending: number;
            }[];
        };
        ObjectHistory: {
            /** @enum {string} */
            workflow: "application" | "voucher" | "enrolment" | "contract";
            /** Format: uuid */
            id: string;
            items: components["schemas"]["HistoryEvent"][];
        };
        HistoryEvent: {
            /** Format: date-time */
            at: string;
            /** @description The status before; null when the object was made. */
            from: string | null;
            /** @description The status after (the workflow's status list). */
            to: string;
            /** @description Why, as recorded (a round, the sweeper's deadline, a reason given); before_history for a move made before histories were kept. */
            cause: string | null;
            actor: {
                /** @description The role it was made in (parent, kindergarten_staff, verifier, support, admin), or system for the sweeper, rounds and cascades; null when not recorded. */
                role: string | null;
                /** @description The name of the member of staff who made it; null for a family and the system. */
                name: string | null;
            };
        };
        /**
         * @description Every working day of the calendar, or the dates named.
         * @enum {string}
         */
        RoundScheduleDays: "working_days" | "dates";
        RoundScheduleRequest: {
            /** @description The time of day in Almaty (UTC+5), HH:MM. */
            at: string;
            days: components["schemas"]["RoundScheduleDays"];
            /** @description The days of a `dates` schedule (at least one); none for `working_days`. */
            dates?: string[];
            /** @description False stops the schedule and keeps it; true when absent. */
            enabled?: boolean;
        };
        ScheduledRun: {
            /**
             * Format: date-time
             * @description The scheduled time the run was for.
             */
            due_at: string;
            attempt: number;
            /** Format: date-time */
            ran_at: string;
            /**
             * @description done; failed, with no round (see problem); or refused: the round ran and its checks refused it (problem round_refused).
             * @enum {string}
             */
            outcome: "done" | "failed" | "refused";
            /**
             * Format: uuid
             * @description The round it ran; null when it failed.
             */
            round_id: string | null;
            /** @description Why it failed (a problem or field code, such as busy or calendar_not_maintained). */
            problem: string | null;
        };
        RoundSchedule: {
            /** Format: uuid */
            region_id: string;
            /** @description The time of day in Almaty; null when never scheduled. */
            at: string | null;
            days: components["schemas"]["RoundScheduleDays"] | null;
            dates: string[];
            enabled: boolean;
            /**
             * Format: date-time
             * @description When the next run is tried; null when stopped, when no named day is left, or when the calendar is not maintained that far.
             */
            next_run_at: string | null;
            /**
             * Format: date-time
             * @description The scheduled time the next run is for (earlier than next_run_at while a failed run is retried).
             */
            due_at: string | null;
            /** @description Failed tries of the run due. */
            attempts: number;
            /** Format: date-time */
            set_at: string | null;
            /** @description The last twenty tries, newest first. */
            runs: components["schemas"]["ScheduledRun"][];
        };
        RoundSummary: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            region_id: string;
            /** Format: date-time */
            started_at: string;
            /** @description A ranked-choice round (the region's `ranked_choices` at the time). */
            ranked: boolean;
            /** @description The year the school year starts in (rounds from 1 July serve the next one). */
            school_year: number;
            seed: string;
            /**
             * Format: date-time
             * @description The scheduled time the round ran for; null when run by hand.
             */
            scheduled_for: string | null;
            status: components["schemas"]["RoundStatus"];
            applications: number;
            places: number;
            issued: number;
            inputs_hash: string;
            result_hash: string;
            checks: components["schemas"]["RoundChecks"];
            /** @description How long the checks took, in milliseconds. */
            checks_ms: number | null;
        };
        RoundList: {
            items: components["schemas"]["RoundSummary"][];
        };
        RoundProtocol: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            region_id: string;
            /** Format: date-time */
            started_at: string;
            /** @description A ranked-choice round (the region's `ranked_choices` at the time). */
            ranked: boolean;
            /** @description The year the school year starts in (rounds from 1 July serve the next one). */
            school_year: number;
            seed: string;
            /**
             * Format: date-time
             * @description The scheduled time the round ran for; null when run by hand.
             */
            scheduled_for: string | null;
            status: components["schemas"]["RoundStatus"];
            applications: number;
            places: number;
            issued: number;
            inputs_hash: string;
            result_hash: string;
            checks: components["schemas"]["RoundChecks"];
            /** @description How long the checks took, in milliseconds. */
            checks_ms: number | null;
            pools: {
                correction_type: string | null;
                age_group: string;
                language: string;
                /**
                 * Format: uuid
                 * @description A ranked round's pools are each kindergarten's; null in a pool round.
                 */
                kindergarten_id: string | null;
                places: number;
                issued: number;
            }[];
            partitions: {
                queue_type: string;
                correction_type: string | null;
                birth_year: number;
                age_group: string | null;
                applications: number;
            }[];
            result: {
                order: number;
                number: string;
                queue_type: string;
                correction_type: string | null;
                birth_year: number;
                position: number;
                /** @enum {string|null} */
                priority: "extraordinary" | "priority" | null;
                age_group: string;
                language: string;
                /**
                 * Format: uuid
                 * @description Where a ranked round placed the child; null in a pool round.
                 */
                kindergarten_id: string | null;
            }[];
            /**
             * @description The queued children of the round's pool groups who got no voucher
             *     while one behind them did, each with the reason: every pool of its
             *     languages was full at its turn (a pool round); no kindergarten it
             *     ranks had a place it could take (a ranked round); its family group
             *     could not be placed together (a ranked round).
             */
            skipped: {
                number: string;
                queue_type: string;
                correction_type: string | null;
                birth_year: number;
                position: number;
                /** @enum {string} */
                reason: "no_place_in_languages" | "no_place_in_choices" | "family_not_together";
            }[];
        };
        /**
         * @description published: its checks passed and its vouchers were given. refused: a
         *     check failed; the round is kept with its report and gave no voucher,
         *     told no one, and `issued` is 0.
         * @enum {string}
         */
        RoundStatus: "published" | "refused";
        /**
         * @description The checks a round passed or failed before publication, computed
         *     apart from the allocation: pool_places (no pool gave more vouchers
         *     than free places), eligible (every holder was and is queued),
         *     one_voucher (one per application and child, none to a child holding
         *     one), queue_positions (each holder's position and rank by the rules:
         *     extraordinary first, one priority child to three), issued_order
         *     (vouchers in position order within a pool group), no_skip (no child
         *     without a voucher stood before a holder of its pools while one of
         *     its languages had a place), replay (the result recomputed from the
         *     inputs and seed hashes the same). A ranked-choice round has stable in
         *     place of issued_order and no_skip: no child and kindergarten both
         *     prefer each other to what the child got (a kindergarten ranked above
         *     its place, or any it ranks when it got none, with room for it once
         *     the children placed there before it are counted), each child placed
         *     in one of its choices and languages, a family's children together;
         *     worked out by sorting, apart from the allocation's passes.
         */
        RoundChecks: components["schemas"]["RoundCheck"][];
        RoundCheck: {
            /** @enum {string} */
            check: "pool_places" | "eligible" | "one_voucher" | "queue_positions" | "issued_order" | "no_skip" | "replay" | "stable";
            passed: boolean;
            /** @description The counts the check found (pools, places, issued, over; not_in_inputs, not_queued; duplicate_applications, duplicate_persons, holding_elsewhere; checked, wrong; out_of_order; skipped, wronged; result_hash; units, families, blocking_pairs, families_split, not_chosen). */
            figures: {
                [key: string]: number | string;
            };
        };
        RoundReport: {
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            region_id: string;
            /** Format: date-time */
            started_at: string;
            /** @description A ranked-choice round (the region's `ranked_choices` at the time). */
            ranked: boolean;
            school_year: number;
            status: components["schemas"]["RoundStatus"];
            applications: number;
            places: number;
            issued: number;
            inputs_hash: string;
            result_hash: string;
            checks: components["schemas"]["RoundChecks"];
            /** @description Children passed over for want of a place in their languages. */
            skipped: number;
        };
        RoundReplay: {
            /** Format: uuid */
            id: string;
            result_hash: string;
            inputs_hash: string;
            recorded_result_hash: string;
            recorded_inputs_hash: string;
            matches: boolean;
        };
        SweepResult: {
            /** @description Vouchers not confirmed in time. */
            suspended: number;
            /** @description Vouchers not used in time. */
            archived: number;
            /** @description Suspended applications past the restore window. */
            closed: number;
            /** @description Contracts not signed in time (the seat freed). */
            contracts_expired: number;
            /** @description Transfer and swap offers not answered in time (the seat held went to the next). */
            transfer_offers_lapsed: number;
            /** @description Uploads attached to nothing past document_unused_days. */
            documents_removed: number;
            /** @description Trustee invitations no one answered in time. */
            invitations_expired: number;
            /**
             * @description Reminders written, one working day before a deadline (voucher
             *     confirmation, enrolment, contract signature, restore) and the
             *     extension offered on a voucher's last day; each once, however
             *     many sweepers run.
             */
            reminders_sent: number;
        };
        QueueStats: {
            /** Format: date-time */
            at: string;
            school_year: number;
            items: {
                /** Format: uuid */
                region_id: string;
                queue_type: string;
                correction_type: string | null;
                birth_year: number;
                age_group: string | null;
                total: number;
                extraordinary: number;
                priority: number;
                ordinary: number;
                /** @description Queued applications per priority category. */
                categories: {
                    [key: string]: number;
                };
            }[];
        };
        VoucherStats: {
            year: number;
            items: {
                month: string;
                issued: number;
                active: number;
                used: number;
                refused: number;
                not_confirmed: number;
                not_enrolled: number;
                withdrawn: number;
            }[];
        };
        PopularKindergartens: {
            items: {
                kindergarten: {
                    /** Format: uuid */
                    id: string;
                    code: string;
                    name: string;
                };
                applications: number;
                first_choice: number;
            }[];
        };
        EnrolmentRequest: {
            /** Format: uuid */
            kindergarten_id: string;
            /** Format: uuid */
            group_id: string;
        };
        Enrolment: {
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "requested" | "contract" | "enrolled" | "declined" | "cancelled";
            /** @description The status in the portal's words, in the reply's language. */
            status_label: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            closed_at: string | null;
            reason: string | null;
            /** Format: uuid */
            voucher_id: string;
            /** Format: uuid */
            application_id: string;
            application_number: string;
            child: {
                /** Format: uuid */
                id: string;
                surname: string;
                first_name: string;
                patronymic: string | null;
                /** Format: date */
                birth_date: string;
            };
            kindergarten: {
                /** Format: uuid */
                id: string;
                code: string;
                name: string;
            };
            group: {
                /** Format: uuid */
                id: string;
                name: string;
                age_group: string;
                language: string;
                correction_type: string | null;
            };
            /** Format: uuid */
            contract_id: string | null;
        };
        EnrolmentList: {
            items: components["schemas"]["Enrolment"][];
        };
        WaitingListRequest: {
            /** Format: uuid */
            application_id: string;
        };
        WaitingListEntry: {
            id: number;
            /** Format: uuid */
            kindergarten_id: string;
            /** Format: uuid */
            voucher_id: string;
            /** Format: uuid */
            application_id: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            served_at: string | null;
            /** Format: date-time */
            left_at: string | null;
            /** @description The place in the kindergarten's list while waiting. */
            position: number | null;
            /** Format: uuid */
            enrolment_id: string | null;
        };
        ContractRequest: {
            /**
             * Format: date
             * @description Today or later.
             */
            start_date: string;
            /** @description The parent's monthly payment (food), in tenge. */
            monthly_fee: number;
            /** @description The kindergarten's hours by default. */
            hours?: string;
        };
        ContractFields: {
            address: string;
            /** @description A Kazakhstan number in any usual notation; kept as E.164. */
            phone: string;
            /** Format: email */
            email?: string | null;
        };
        ContractDocumentRequest: {
            /** Format: uuid */
            document_id: string;
            /** @enum {string} */
            kind: "form_027u" | "birth_certificate" | "parent_id" | "form_052_2u" | "form_065u" | "pmpk";
        };
        SignatureRequest: {
            /** @description DER CMS (PKCS#7) detached signature, base64. */
            cms: string;
            /**
             * @description An RFC 3161 time-stamp token (DER ContentInfo, base64) over the
             *     signature's value (CAdES-T), with the TSA's certificate in it;
             *     absent: the service asks its TSA for one.
             */
            timestamp_token?: string | null;
        };
        Signature: {
            /** @description The certificate's subject (RFC 2253). */
            signer: string;
            /**
             * Format: date-time
             * @description The signing time, the time-stamp's.
             */
            signed_at: string;
            /** @description Hex. */
            certificate_serial: string;
            /**
             * @description `rsa-sha256`, `ecdsa-sha384`, `gost2012-256-streebog256`...;
             *     null for signatures made before evidence was kept.
             */
            algorithm: string | null;
            /**
             * @description Who brought the time-stamp.
             * @enum {string|null}
             */
            timestamp_source: "client" | "service" | null;
            revocation: {
                /** @enum {string} */
                method: "ocsp" | "crl";
                /** @enum {string} */
                status: "good";
            } | null;
        } | null;
        /** @description One party's signature and what proved it; the evidence fields are null for signatures made before they were kept. */
        SignatureEvidence: {
            /** @description The CMS as the signer sent it, DER in base64. */
            cms: string;
            signer: string;
            certificate_serial: string;
            /** Format: date-time */
            signed_at: string;
            algorithm: string | null;
            /** @description The RFC 3161 token (DER, base64) whose time is the signing time. */
            timestamp_token: string | null;
            /** @enum {string|null} */
            timestamp_source: "client" | "service" | null;
            /** @enum {string|null} */
            revocation_method: "ocsp" | "crl" | null;
            /** @description The OCSP response or the CRL (DER, base64) of the signing time. */
            revocation: string | null;
            /** @description PEM, the signer's certificate first, up to the trusted root. */
            chain: string | null;
            /**
             * @description The service's checks: `signature`, `chain`, `signing_time`,
             *     `algorithm`, `certificate` (subject, issuer, serial, validity),
             *     `timestamp` (source, TSA, serial, policy), `revocation`
             *     (method, status, responder, produced_at, this_update,
             *     next_update), `checked_at`. `bq contracts verify` reproduces
             *     the signature, signing time, revocation status and serial
             *     with OpenSSL alone.
             */
            report: Record<string, never> | null;
        } | null;
        ContractEvidence: {
            /** Format: uuid */
            contract_id: string;
            number: string;
            /** @enum {string} */
            status: "draft" | "ready" | "signed" | "expired" | "cancelled" | "declined";
            /** @description The exact bytes signed, base64. */
            document: string;
            document_sha256: string;
            content_type: string;
            /** Format: date-time */
            generated_at: string;
            signatures: {
                parent: components["schemas"]["SignatureEvidence"];
                kindergarten: components["schemas"]["SignatureEvidence"];
            };
        };
        Contract: {
            /** Format: uuid */
            id: string;
            number: string;
            /**
             * @description draft (the parent's part missing), ready (the bytes fixed, signatures awaited), signed (both), expired (not signed by sign_by), cancelled (the voucher ended).
             * @enum {string}
             */
            status: "draft" | "ready" | "signed" | "expired" | "cancelled" | "declined";
            /** @description The status in the portal's words, in the reply's language. */
            status_label: string;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            sign_by: string;
            /** Format: date */
            start_date: string;
            monthly_fee: number;
            hours: string;
            /** Format: uuid */
            enrolment_id: string;
            /** Format: uuid */
            voucher_id: string;
            /** Format: uuid */
            application_id: string;
            kindergarten: {
                /** Format: uuid */
                id: string;
                code: string;
                bin: string;
                name: string;
            };
            group: {
                /** Format: uuid */
                id: string;
                name: string;
                age_group: string;
                language: string;
            };
            child: {
                /** Format: uuid */
                id: string;
                surname: string;
                first_name: string;
                patronymic: string | null;
                /** Format: date */
                birth_date: string;
            };
            parent: {
                surname: string | null;
                first_name: string | null;
                patronymic: string | null;
            };
            parent_fields: {
                address?: string;
                phone?: string;
                email?: string;
            } | null;
            documents: {
                kind: string;
                /** Format: uuid */
                document_id: string;
                /** Format: date-time */
                attached_at: string;
            }[];
            missing_documents: string[];
            document_sha256: string | null;
            signatures: {
                parent: components["schemas"]["Signature"];
                kindergarten: components["schemas"]["Signature"];
            };
            /** Format: date-time */
            closed_at: string | null;
        };
        ContractList: {
            items: components["schemas"]["Contract"][];
        };
        AttendanceMarks: {
            /** Format: uuid */
            child_id: string;
            present: boolean;
            /**
             * @description Required when absent, absent when present.
             * @enum {string|null}
             */
            reason?: "illness" | "leave" | "other" | null;
        }[];
        GroupDay: {
            /** Format: uuid */
            group_id: string;
            /** Format: date */
            date: string;
            items: {
                child: {
                    /** Format: uuid */
                    id: string;
                    surname: string;
                    first_name: string;
                };
                present: boolean | null;
                reason: string | null;
                approved: boolean;
            }[];
        };
        AttendanceMonth: {
            /** Format: uuid */
            child_id: string;
            month: string;
            days: {
                /** Format: date */
                date: string;
                present: boolean;
                reason: string | null;
                /** Format: uuid */
                kindergarten_id: string;
            }[];
            totals: {
                present: number;
                absent: number;
                illness: number;
                leave: number;
                other: number;
            };
            /** Format: date-time */
            approved_at: string | null;
        };
        Statement: {
            /** Format: uuid */
            kindergarten_id: string;
            month: string;
            items: {
                child: {
                    /** Format: uuid */
                    id: string;
                    surname: string;
                    first_name: string;
                };
                attended: number;
                absent: number;
                /** Format: date-time */
                approved_at: string;
            }[];
            /** @description Attended days of the approved months, all children. */
            attended: number;
            /** @description Children with marks whose month is not approved. */
            pending: number;
        };
        Dish: {
            name_kk: string;
            name_ru: string;
            calories?: number;
            allergens?: string[];
        };
        Meal: {
            /** @enum {string} */
            meal: "breakfast" | "lunch" | "snack" | "dinner";
            dishes: components["schemas"]["Dish"][];
        };
        MenuRequest: {
            meals: components["schemas"]["Meal"][];
        };
        Menu: {
            /** Format: uuid */
            kindergarten_id: string | null;
            /** Format: date */
            date: string;
            meals: components["schemas"]["Meal"][];
            /** Format: date-time */
            updated_at: string | null;
        };
        FeedbackItem: {
            /** Format: uuid */
            id: string;
            /** Format: date-time */
            created_at: string;
            topic: string;
            message: string;
            name: string | null;
            email: string | null;
            phone: string | null;
            language: string;
            /** Format: uuid */
            author_id: string | null;
            answer: string | null;
            /** Format: date-time */
            answered_at: string | null;
        };
        FeedbackPage: {
            items: components["schemas"]["FeedbackItem"][];
            next_cursor: string | null;
        };
        AnswerRequest: {
            answer: string;
        };
    };
    responses: {
        /** @description The body is not strict JSON (`malformed_json`) or not readable (`bad_request`). */
        MalformedJson: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Fields are missing, unknown or invalid; each is listed in `errors`. */
        ValidationFailed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description No valid token (`unauthorized`: missing, bad, expired, or its
         *     session ended), or a wrong login or password
         *     (`invalid_credentials`).
         */
        Unauthorized: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description Bearer, on a refused token. */
                "WWW-Authenticate"?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The education department blocked the account (`account_blocked`); it opens no session. */
        AccountBlocked: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The token's role may not do this. */
        Forbidden: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The request clashes with what exists (`account_exists`, `taken`). */
        Conflict: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Too many failed logins; `Retry-After` says when to try again. */
        AccountLocked: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description No such resource, or not one the caller may see. */
        NotFound: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The route exists but not with this method; `Allow` lists the methods. */
        MethodNotAllowed: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                /** @description The methods the route takes. */
                Allow?: string;
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The JSON body is over 64 KiB, a photo over 2 MiB or a document over
         *     10 MiB (problem+json); a body over 10 MiB (10,485,760 bytes) is
         *     refused by the server before it is read, with an empty body.
         */
        PayloadTooLarge: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description The body is not `application/json` (or names a charset other than utf-8). */
        UnsupportedMediaType: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description Too many requests; try again after `Retry-After` seconds. The limit
         *     that refused is named in `RateLimit-Policy` and `RateLimit` (IETF
         *     httpapi ratelimit headers draft): e.g. `"registry-lookups";q=30;w=3600`
         *     and `"registry-lookups";r=0;t=1800`. Without those headers, the
         *     password-hashing queue is full (a login flood): the hashes ahead
         *     would take longer to clear than the request could wait; retry after
         *     `Retry-After`, nothing was done.
         */
        RateLimited: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "Retry-After": components["headers"]["Retry-After"];
                "RateLimit-Policy": components["headers"]["RateLimit-Policy"];
                RateLimit: components["headers"]["RateLimit"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The request came with a `Transfer-Encoding` (chunked bodies are not
         *     accepted): send the body with `Content-Length`. The connection is
         *     closed after this answer; nothing was read or stored. A request
         *     with neither header has an empty body, as plain `curl -X POST`
         *     sends it.
         */
        LengthRequired: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description A fault of the service itself (never the request's): the problem's
         *     `request_id` finds it in the log. Nothing was stored.
         */
        InternalError: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /**
         * @description The database is down or slow; retry after `Retry-After` seconds. Or,
         *     with the code `calendar_not_maintained`, a deadline (a voucher's,
         *     an enrolment's, a contract's) would fall in a year whose public
         *     holidays are not loaded: the department loads them
         *     (`bq.calendar_year`); nothing was stored. Or, for a signature, an
         *     OCSP responder or a TSA that gave no verified answer
         *     (`invalid_params` names `cms` `revocation_unavailable` or
         *     `timestamp_token` `timestamp_unavailable`); nothing was stored.
         */
        ServiceUnavailable: {
            headers: {
                "X-Request-Id": components["headers"]["X-Request-Id"];
                "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                "Retry-After": components["headers"]["Retry-After"];
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Items on a page, 1 to 200 (50 by default). */
        Limit: number;
        /** @description The `next_cursor` of the page before. */
        Cursor: string;
        /** @description The `next_cursor` of the page before (opaque). */
        CatalogueCursor: string;
        /** @description The `next_cursor` of the page before (the last position shown). */
        QueueCursor: string;
        /**
         * @description 1 to 64 printable ASCII characters, the caller's own: a request
         *     retried with it gets the first one's answer. Keys belong to the
         *     account that sent them.
         */
        IdempotencyKey: string;
        /** @description `kk`, `ru` or `en`, with q-values; `kk` when none fits. */
        AcceptLanguage: string;
        /**
         * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
         *     standby (README, "A cluster") answers this read from the standby
         *     only once the standby has replayed that far, and from the primary
         *     before; without it, a read of the caller's own objects always goes
         *     to the primary. Either way the caller sees its own writes. A value
         *     that is not a WAL position is a 422 naming `X-Read-After`.
         */
        ReadAfter: string;
        /** @description The caller's id for this request, echoed back when plain. */
        RequestId: string;
    };
    requestBodies: never;
    headers: {
        /** @description The id of this request in the server's log. */
        "X-Request-Id": string;
        /**
         * @description Where the database's write-ahead log stood after this write, in a
         *     deployment with a standby: send it back as `X-Read-After` on the
         *     next reads to have them answered by the standby once it has the
         *     write.
         */
        "X-Commit-LSN": string;
        /**
         * @description CORS, for a browser front end: the request's `Origin` when it is
         *     one of the configured origins (`BQ_CORS_ORIGINS`; `*` there lets
         *     any origin through), sent with `Access-Control-Expose-Headers`.
         *     Absent for any other origin and for requests without one; every
         *     answer says `Vary: Origin, Accept-Language`.
         */
        "Access-Control-Allow-Origin": string;
        /** @description Seconds to wait before retrying. */
        "Retry-After": number;
        /**
         * @description The limit that refused: its name, quota (`q`, tries) and window
         *     (`w`, seconds).
         */
        "RateLimit-Policy": string;
        /**
         * @description Where the caller stands against that limit: tries left (`r`, 0 on a
         *     429) and seconds until one is admitted again (`t`).
         */
        RateLimit: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server is alive. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ok";
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
        };
    };
    getReady: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ready to serve. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        status: "ready";
                        /**
                         * @description The newest migration applied.
                         * @example 0001
                         */
                        schema: string;
                        /**
                         * Format: date
                         * @description The last day of the working-day calendar maintained
                         *     without a gap from this year (null: not even this
                         *     year). Deadlines past it are refused with
                         *     `calendar_not_maintained`.
                         */
                        calendar_until: string | null;
                        /**
                         * @description `calendar_ends_soon`: fewer than `calendar_warn_days`
                         *     (90) days of calendar are left; load the next year.
                         */
                        warnings: "calendar_ends_soon"[];
                    };
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMetrics: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The metrics. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
        };
    };
    getOpenApi: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The OpenAPI document the server was started with. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/yaml": string;
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
        };
    };
    postFeedback: {
        parameters: {
            query?: never;
            header?: {
                /** @description `kk`, `ru` or `en`, with q-values; `kk` when none fits. */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /** @description The caller's id for this request, echoed back when plain. */
                "X-Request-Id"?: components["parameters"]["RequestId"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeedbackRequest"];
            };
        };
        responses: {
            /** @description Received. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Feedback"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthOtp: {
        parameters: {
            query?: never;
            header?: {
                /** @description `kk`, `ru` or `en`, with q-values; `kk` when none fits. */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OtpRequest"];
            };
        };
        responses: {
            /** @description Accepted; a code is on its way when the details match. */
            202: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OtpIssued"];
                };
            };
            400: components["responses"]["MalformedJson"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthRegisterVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            /** @description The code was right. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistrationVerified"];
                };
            };
            400: components["responses"]["MalformedJson"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthRegister: {
        parameters: {
            query?: never;
            header?: {
                /** @description `kk`, `ru` or `en`, with q-values; `kk` when none fits. */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterRequest"];
            };
        };
        responses: {
            /** @description The account, and tokens for it. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["MalformedJson"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoginRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["AccountBlocked"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            423: components["responses"]["AccountLocked"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthLoginCode: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CodeRequest"];
            };
        };
        responses: {
            /** @description Signed in. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["MalformedJson"];
            403: components["responses"]["AccountBlocked"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordResetRequest"];
            };
        };
        responses: {
            /** @description The password is changed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["MalformedJson"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefreshRequest"];
            };
        };
        responses: {
            /** @description New tokens. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAuthLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMe: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AccountPatch"];
            };
        };
        responses: {
            /** @description The account as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postMeEmailVerify: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EmailCode"];
            };
        };
        responses: {
            /** @description The account as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postMePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PasswordChangeRequest"];
            };
        };
        responses: {
            /** @description Changed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            423: components["responses"]["AccountLocked"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postMeRole: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleRequest"];
            };
        };
        responses: {
            /** @description Tokens for the role. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Tokens"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMeLog: {
        parameters: {
            query?: {
                /** @description Items on a page, 1 to 200 (50 by default). */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the page before. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the log. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserLog"];
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStaff: {
        parameters: {
            query?: {
                /** @description Only staff of this kindergarten. */
                kindergarten_id?: string;
                /** @description Only accounts with this role (`parent` lists no one). */
                role?: components["schemas"]["Role"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The staff, by surname. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StaffList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAdminStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StaffRequest"];
            };
        };
        responses: {
            /** @description The account. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Account"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRegions: {
        parameters: {
            query?: never;
            header?: {
                /** @description `kk`, `ru` or `en`, with q-values; `kk` when none fits. */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The regions, with names in the language asked for. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionList"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getReference: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The lists. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReferenceLists"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getKindergartens: {
        parameters: {
            query?: {
                /** @description A region (its localities included) or a locality. */
                region_id?: string;
                language?: "kk" | "ru";
                /** @description A code of the age_groups reference list. */
                age_group?: components["schemas"]["AgeGroup"];
                /** @description A code of the correction_types reference list. */
                correction_type?: components["schemas"]["CorrectionType"];
                has_free_places?: boolean;
                /** @description Text in a name or address (any language), 100 characters at most. */
                q?: string;
                /** @description `lat,lon` in degrees (latitude -90 to 90, longitude -180 to 180): sort by distance from there. */
                near?: string;
                /** @description Items on a page, 1 to 100 (20 by default). */
                limit?: number;
                /** @description The `next_cursor` of the page before (opaque). */
                cursor?: components["parameters"]["CatalogueCursor"];
            };
            header?: {
                /** @description `kk`, `ru` or `en`, with q-values; `kk` when none fits. */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of kindergartens. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenPage"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getKindergarten: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenCard"];
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putKindergartenGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupPatch"];
            };
        };
        responses: {
            /** @description The group as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postChildrenLookup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IinRequest"];
            };
        };
        responses: {
            /** @description The child in the registry. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegistryChild"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChildren: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The children the account owns. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postChildren: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChildRequest"];
            };
        };
        responses: {
            /** @description The child. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Child"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTrustedChildren: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The children. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ChildList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTrusteeInvitations: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The invitations. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InvitationList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteTrusteeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invitation. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Declined or withdrawn. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTrusteeInvitationAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The invitation. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The child, as its trustee sees it. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Child"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGuardianships: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claims. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuardianshipList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postGuardianship: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GuardianshipRequest"];
            };
        };
        responses: {
            /** @description The claim, pending. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guardianship"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChild: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The child. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Child"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchChild: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChildPatch"];
            };
        };
        responses: {
            /** @description The child. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Child"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChildPhoto: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The image, as it was uploaded. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "image/png": string;
                    "image/jpeg": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putChildPhoto: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description Stored. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredFile"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChildTrustees: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The trustees. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrusteeList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postChildTrustee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IinRequest"];
            };
        };
        responses: {
            /** @description The invitation. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrusteeInvitation"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteChildTrustee: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The child. */
                id: string;
                /** @description The trustee's account. */
                account_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Revoked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postDocument: {
        parameters: {
            query: {
                /** @description A code of the document_kinds reference list. */
                kind: components["schemas"]["DocumentKind"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description Stored. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Document"];
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file, byte for byte as uploaded. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": string;
                    "image/jpeg": string;
                    "image/png": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getApplications: {
        parameters: {
            query?: {
                /** @description One status. */
                status?: components["schemas"]["ApplicationStatus"];
                /** @description general or special. */
                queue_type?: components["schemas"]["QueueType"];
                /** @description true for archived and rejected ones only, false for the others. */
                archived?: boolean;
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The applications, newest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postApplication: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1 to 64 printable ASCII characters, the caller's own: a request
                 *     retried with it gets the first one's answer. Keys belong to the
                 *     account that sent them.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /** @description `kk`, `ru` or `en`, with q-values; `kk` when none fits. */
                "Accept-Language"?: components["parameters"]["AcceptLanguage"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApplicationRequest"];
            };
        };
        responses: {
            /** @description The application. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getApplication: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putPriorityProof: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriorityProofRequest"];
            };
        };
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPositionHistory: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PositionHistory"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postWithdraw: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postRestore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getQueue: {
        parameters: {
            query: {
                /** @description The region (a district counts as its city). */
                region_id: string;
                /** @description general (default) or special. */
                queue_type?: "general" | "special";
                /** @description The age cohort. */
                birth_year: number;
                /** @description Required for the special queue. */
                correction_type?: components["schemas"]["CorrectionType"];
                /** @description 1 to 200 (50 by default). */
                limit?: number;
                /** @description The `next_cursor` of the page before (the last position shown). */
                cursor?: components["parameters"]["QueueCursor"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the queue. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueuePage"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStaffApplications: {
        parameters: {
            query?: {
                /** @description awaiting_verification by default. */
                status?: components["schemas"]["ApplicationStatus"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The applications, oldest first. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPriorityClaims: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The applications. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ApplicationList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postPriorityConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriorityConfirmRequest"];
            };
        };
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postPriorityRefute: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PriorityRefuteRequest"];
            };
        };
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStaffGuardianships: {
        parameters: {
            query?: {
                /** @description The claims' status. */
                status?: components["schemas"]["GuardianshipStatus"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claims. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GuardianshipList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postGuardianshipConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The claim. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The claim. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guardianship"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postGuardianshipReject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The claim. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description The claim. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Guardianship"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getNotifications: {
        parameters: {
            query?: {
                /** @description Items on a page, 1 to 200 (50 by default). */
                limit?: components["parameters"]["Limit"];
                /** @description The `next_cursor` of the page before. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the inbox. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getUnreadCount: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The count. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnreadCount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getNotificationSettings: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchNotificationSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationSettingsRequest"];
            };
        };
        responses: {
            /** @description The settings now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationSettings"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postSmsReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SmsReceipt"];
            };
        };
        responses: {
            /** @description Recorded. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["MalformedJson"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postNotificationRead: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The notification. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Marked. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getForecast: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The forecast and its inputs. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Forecast"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVouchers: {
        parameters: {
            query?: {
                /** @description issued, active, cancelled or used. */
                status?: components["schemas"]["VoucherStatus"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The vouchers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVoucher: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The voucher. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postVoucherConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The voucher. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postVoucherRefuse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The voucher. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postVoucherExtend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The voucher. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The voucher. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Voucher"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRounds: {
        parameters: {
            query?: {
                /** @description Only this region's. */
                region_id?: string;
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rounds. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postRound: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description 1 to 64 printable ASCII characters, the caller's own: a request
                 *     retried with it gets the first one's answer. Keys belong to the
                 *     account that sent them.
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundRequest"];
            };
        };
        responses: {
            /** @description The round. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundSummary"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRound: {
        parameters: {
            query?: {
                /** @description json (default) or csv. */
                format?: "json" | "csv";
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The round. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The protocol. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundProtocol"];
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRoundReport: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The round. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundReport"];
                };
            };
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postRoundReplay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The round. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The recomputed hashes. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundReplay"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postSweeperRun: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What was done. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SweepResult"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getApplicationEvents: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The application's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectHistory"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVoucherHistory: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The voucher's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectHistory"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getEnrolmentHistory: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The enrolment's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectHistory"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContractHistory: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The contract's id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The history. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ObjectHistory"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRegionQueue: {
        parameters: {
            query?: {
                /** @description json (default) or csv. */
                format?: "json" | "csv";
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The region (a city). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The queue. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RegionQueue"];
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getDepartmentStatements: {
        parameters: {
            query?: {
                /** @description One kindergarten only. */
                kindergarten_id?: string;
                /** @description json (default) or csv. */
                format?: "json" | "csv";
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description YYYY-MM. */
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statements. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DepartmentStatements"];
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRoundSchedule: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The region (a city). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The schedule. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundSchedule"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putRoundSchedule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The region (a city). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoundScheduleRequest"];
            };
        };
        responses: {
            /** @description The schedule now, with its next run. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RoundSchedule"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getCalendarYear: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The calendar year. */
                year: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The year. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putCalendarYear: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The calendar year. */
                year: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarYearRequest"];
            };
        };
        responses: {
            /** @description The year now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarYear"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putCalendarDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The day (its year 2000 to 2100). */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CalendarDayRequest"];
            };
        };
        responses: {
            /** @description The day. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CalendarDay"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteCalendarDay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The day (its year 2000 to 2100). */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAdminAccount: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putAccountRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
                /** @description The role (`parent` is never granted; parents register). */
                role: components["schemas"]["Role"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RoleGrantRequest"];
            };
        };
        responses: {
            /** @description The account as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccount"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteAccountRole: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
                /** @description The role (`parent` is never granted; parents register). */
                role: components["schemas"]["Role"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAccountBlock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockRequest"];
            };
        };
        responses: {
            /** @description The account as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccount"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAccountUnblock: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The account as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminAccount"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAudit: {
        parameters: {
            query?: {
                /** @description Entries a page, 1 to 200 (50). */
                limit?: number;
                /** @description The `next_cursor` of the page before. */
                cursor?: number;
                /** @description Only entries about this object (an account, kindergarten or group id, a year or a day of the calendar). */
                object_id?: string;
                /** @description Only entries of this action. */
                action?: components["schemas"]["AuditAction"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of the log. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postKindergarten: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KindergartenNew"];
            };
        };
        responses: {
            /** @description The kindergarten as the catalogue shows it. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenCard"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchKindergarten: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["KindergartenPatch"];
            };
        };
        responses: {
            /** @description The kindergarten as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenCard"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postKindergartenSuspend: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockRequest"];
            };
        };
        responses: {
            /** @description The kindergarten as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenCard"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postKindergartenReopen: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kindergarten as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenCard"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postKindergartenGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupNew"];
            };
        };
        responses: {
            /** @description The group. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GroupPatch"];
            };
        };
        responses: {
            /** @description The group as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postGroupClose: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["BlockRequest"];
            };
        };
        responses: {
            /** @description The group as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Group"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getAllocationRules: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The region (a city). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The rules. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationRules"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putAllocationRules: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The region (a city). */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllocationRulesRequest"];
            };
        };
        responses: {
            /** @description The rules now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationRules"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putApplicationChoices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The application. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChoicesRequest"];
            };
        };
        responses: {
            /** @description The application. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Application"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getFamilyGroups: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The groups. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FamilyGroupList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postFamilyGroup: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FamilyGroupRequest"];
            };
        };
        responses: {
            /** @description The group. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FamilyGroup"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteFamilyGroup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ended. */
            204: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content?: never;
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTransfers: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfers. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TransferList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTransfer: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferRequest"];
            };
        };
        responses: {
            /** @description The transfer. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTransfer: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The transfer. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTransferAccept: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The transfer. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTransferDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The transfer. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postTransferCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The transfer. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The transfer. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Transfer"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchKindergartenContacts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContactsPatch"];
            };
        };
        responses: {
            /** @description The kindergarten as it is now. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["KindergartenCard"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getQueueStats: {
        parameters: {
            query?: {
                /** @description A region (a district counts as its city); all when absent. */
                region_id?: string;
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The sizes. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["QueueStats"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getVoucherStats: {
        parameters: {
            query?: {
                /** @description A region (a district counts as its city); all when absent. */
                region_id?: string;
                /** @description 2000 to 2100; this year by default. */
                year?: number;
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The months. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VoucherStats"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getPopularKindergartens: {
        parameters: {
            query?: {
                /** @description A region (a district counts as its city); all when absent. */
                region_id?: string;
                /** @description 1 to 100 (10 by default). */
                limit?: number;
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The kindergartens. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PopularKindergartens"];
                };
            };
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postEnrolment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The voucher. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EnrolmentRequest"];
            };
        };
        responses: {
            /** @description The enrolment. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enrolment"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postWaitingList: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The kindergarten. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaitingListRequest"];
            };
        };
        responses: {
            /** @description The place in the list. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaitingListEntry"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStaffEnrolments: {
        parameters: {
            query?: {
                /** @description requested, contract, enrolled, declined or cancelled. */
                status?: components["schemas"]["EnrolmentStatus"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requests. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnrolmentList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postStaffContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The enrolment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractRequest"];
            };
        };
        responses: {
            /** @description The contract. */
            201: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postStaffDecline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The enrolment. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectRequest"];
            };
        };
        responses: {
            /** @description The enrolment. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Enrolment"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContracts: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contracts. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractList"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContract: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The contract. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchContract: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractFields"];
            };
        };
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postContractDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ContractDocumentRequest"];
            };
        };
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContractDocument: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The contract. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The bytes. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postContractSignature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignatureRequest"];
            };
        };
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getContractEvidence: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The contract. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The package. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContractEvidence"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postStaffContractSignature: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The contract. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignatureRequest"];
            };
        };
        responses: {
            /** @description The contract. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Contract"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getGroupAttendance: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The group. */
                id: string;
                /** @description The day, YYYY-MM-DD. */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The day. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupDay"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putGroupAttendance: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The group. */
                id: string;
                /** @description The day, YYYY-MM-DD. */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AttendanceMarks"];
            };
        };
        responses: {
            /** @description The day. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GroupDay"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChildAttendance: {
        parameters: {
            query: {
                /** @description YYYY-MM (required). */
                month: string;
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The child. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The month. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceMonth"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postAttendanceApprove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The child. */
                id: string;
                /** @description YYYY-MM. */
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The month. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AttendanceMonth"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStatement: {
        parameters: {
            query?: {
                /** @description json (default) or csv. */
                format?: "json" | "csv";
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description YYYY-MM. */
                month: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The statement. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Statement"];
                    "text/csv": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getMenu: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The day, YYYY-MM-DD. */
                date: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The menu. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Menu"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    putMenu: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The day, YYYY-MM-DD. */
                date: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MenuRequest"];
            };
        };
        responses: {
            /** @description The menu. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Menu"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getChildMenu: {
        parameters: {
            query?: {
                /** @description YYYY-MM-DD; today by default. */
                date?: string;
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path: {
                /** @description The child. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The menu. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Menu"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getSupportFeedback: {
        parameters: {
            query?: {
                /** @description open, answered or all. */
                status?: "open" | "answered" | "all";
                /** @description 1 to 200 (50 by default). */
                limit?: number;
                /** @description The `next_cursor` of the page before. */
                cursor?: components["parameters"]["Cursor"];
            };
            header?: {
                /**
                 * @description The `X-Commit-LSN` of the caller's last write. A deployment with a
                 *     standby (README, "A cluster") answers this read from the standby
                 *     only once the standby has replayed that far, and from the primary
                 *     before; without it, a read of the caller's own objects always goes
                 *     to the primary. Either way the caller sees its own writes. A value
                 *     that is not a WAL position is a 422 naming `X-Read-After`.
                 */
                "X-Read-After"?: components["parameters"]["ReadAfter"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of messages. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackPage"];
                };
            };
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            405: components["responses"]["MethodNotAllowed"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    postSupportAnswer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The message. */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AnswerRequest"];
            };
        };
        responses: {
            /** @description The message. */
            200: {
                headers: {
                    "X-Request-Id": components["headers"]["X-Request-Id"];
                    "X-Commit-LSN": components["headers"]["X-Commit-LSN"];
                    "Access-Control-Allow-Origin": components["headers"]["Access-Control-Allow-Origin"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeedbackItem"];
                };
            };
            400: components["responses"]["MalformedJson"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            405: components["responses"]["MethodNotAllowed"];
            409: components["responses"]["Conflict"];
            411: components["responses"]["LengthRequired"];
            413: components["responses"]["PayloadTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["ValidationFailed"];
            500: components["responses"]["InternalError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
