/*
 * Every route of the API, once: its id, its path template (the label in
 * metrics and logs, and the key in openapi.yaml) and the methods it takes.
 * kore.conf binds the paths to handlers; each handler names its id.
 */
#ifndef BQ_ROUTES_H
#define BQ_ROUTES_H

#define ROUTE_M_GET 0x01
#define ROUTE_M_POST 0x02
#define ROUTE_M_PUT 0x04
#define ROUTE_M_DELETE 0x08
#define ROUTE_M_PATCH 0x10

/* Who may call: nobody needs a token (0), or a token of these roles. */
#define ROUTE_PUBLIC 0
#define ROUTE_R_PARENT 0x01
#define ROUTE_R_VERIFIER 0x02
#define ROUTE_R_STAFF 0x04
#define ROUTE_R_SUPPORT 0x08
#define ROUTE_R_ADMIN 0x10
#define ROUTE_R_ANY 0x1f
/* With the roles: anyone may call; a token, when sent, is checked. */
#define ROUTE_OPTIONAL 0x20

/* id, path template, methods, roles */
#define BQ_ROUTES(X) \
	X(HEALTH, "/health", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(READY, "/ready", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(METRICS, "/metrics", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(OPENAPI, "/openapi.yaml", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(FEEDBACK, "/v1/feedback", ROUTE_M_POST, \
	    ROUTE_OPTIONAL | ROUTE_R_ANY) \
	X(AUTH_OTP, "/v1/auth/otp", ROUTE_M_POST, ROUTE_PUBLIC) \
	X(AUTH_REGISTER_VERIFY, "/v1/auth/register/verify", ROUTE_M_POST, \
	    ROUTE_PUBLIC) \
	X(AUTH_REGISTER, "/v1/auth/register", ROUTE_M_POST, ROUTE_PUBLIC) \
	X(AUTH_LOGIN, "/v1/auth/login", ROUTE_M_POST, ROUTE_PUBLIC) \
	X(AUTH_LOGIN_CODE, "/v1/auth/login/code", ROUTE_M_POST, ROUTE_PUBLIC) \
	X(AUTH_PASSWORD_RESET, "/v1/auth/password/reset", ROUTE_M_POST, \
	    ROUTE_PUBLIC) \
	X(AUTH_REFRESH, "/v1/auth/refresh", ROUTE_M_POST, ROUTE_PUBLIC) \
	X(AUTH_LOGOUT, "/v1/auth/logout", ROUTE_M_POST, ROUTE_R_ANY) \
	X(ME, "/v1/me", ROUTE_M_GET | ROUTE_M_PATCH, ROUTE_R_ANY) \
	X(ME_PASSWORD, "/v1/me/password", ROUTE_M_POST, ROUTE_R_ANY) \
	X(ME_EMAIL_VERIFY, "/v1/me/email/verify", ROUTE_M_POST, ROUTE_R_ANY) \
	X(ME_ROLE, "/v1/me/role", ROUTE_M_POST, ROUTE_R_ANY) \
	X(ME_LOG, "/v1/me/log", ROUTE_M_GET, ROUTE_R_ANY) \
	X(ADMIN_STAFF, "/v1/admin/staff", ROUTE_M_GET | ROUTE_M_POST, \
	    ROUTE_R_ADMIN) \
	X(REGIONS, "/v1/regions", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(REFERENCE, "/v1/reference", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(KINDERGARTENS, "/v1/kindergartens", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(KINDERGARTEN, "/v1/kindergartens/{id}", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(STAFF_GROUP, "/v1/kindergarten/groups/{id}", ROUTE_M_PUT, \
	    ROUTE_R_STAFF) \
	X(CHILDREN_LOOKUP, "/v1/children/lookup", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(CHILDREN, "/v1/children", ROUTE_M_GET | ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(CHILD, "/v1/children/{id}", \
	    ROUTE_M_GET | ROUTE_M_PATCH | ROUTE_M_DELETE, ROUTE_R_PARENT) \
	X(CHILD_PHOTO, "/v1/children/{id}/photo", ROUTE_M_GET | ROUTE_M_PUT, \
	    ROUTE_R_PARENT) \
	X(CHILD_TRUSTEES, "/v1/children/{id}/trustees", \
	    ROUTE_M_GET | ROUTE_M_POST, ROUTE_R_PARENT) \
	X(CHILD_TRUSTEE, "/v1/children/{id}/trustees/{account_id}", \
	    ROUTE_M_DELETE, ROUTE_R_PARENT) \
	X(TRUSTED_CHILDREN, "/v1/trusted-children", ROUTE_M_GET, \
	    ROUTE_R_PARENT) \
	X(TRUSTEE_INVITATIONS, "/v1/trustee-invitations", ROUTE_M_GET, \
	    ROUTE_R_PARENT) \
	X(TRUSTEE_INVITATION, "/v1/trustee-invitations/{id}", ROUTE_M_DELETE, \
	    ROUTE_R_PARENT) \
	X(TRUSTEE_INVITATION_ACCEPT, "/v1/trustee-invitations/{id}/accept", \
	    ROUTE_M_POST, ROUTE_R_PARENT) \
	X(GUARDIANSHIPS, "/v1/guardianships", ROUTE_M_GET | ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(STAFF_GUARDIANSHIPS, "/v1/staff/guardianships", ROUTE_M_GET, \
	    ROUTE_R_VERIFIER) \
	X(STAFF_GUARDIANSHIP_CONFIRM, "/v1/staff/guardianships/{id}/confirm", \
	    ROUTE_M_POST, ROUTE_R_VERIFIER) \
	X(STAFF_GUARDIANSHIP_REJECT, "/v1/staff/guardianships/{id}/reject", \
	    ROUTE_M_POST, ROUTE_R_VERIFIER) \
	X(DOCUMENTS, "/v1/documents", ROUTE_M_POST, ROUTE_R_ANY) \
	X(DOCUMENT, "/v1/documents/{id}", ROUTE_M_GET | ROUTE_M_DELETE, \
	    ROUTE_R_ANY) \
	X(APPLICATIONS, "/v1/applications", ROUTE_M_GET | ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(APPLICATION, "/v1/applications/{id}", ROUTE_M_GET, ROUTE_R_PARENT) \
	X(APPLICATION_HISTORY, "/v1/applications/{id}/position-history", \
	    ROUTE_M_GET, ROUTE_R_PARENT) \
	X(APPLICATION_WITHDRAW, "/v1/applications/{id}/withdraw", \
	    ROUTE_M_POST, ROUTE_R_PARENT) \
	X(APPLICATION_RESTORE, "/v1/applications/{id}/restore", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(APPLICATION_FORECAST, "/v1/applications/{id}/forecast", ROUTE_M_GET, \
	    ROUTE_R_PARENT) \
	X(QUEUE, "/v1/queue", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(STAFF_APPLICATIONS, "/v1/staff/applications", ROUTE_M_GET, \
	    ROUTE_R_VERIFIER) \
	X(STAFF_CONFIRM, "/v1/staff/applications/{id}/confirm", ROUTE_M_POST, \
	    ROUTE_R_VERIFIER) \
	X(STAFF_REJECT, "/v1/staff/applications/{id}/reject", ROUTE_M_POST, \
	    ROUTE_R_VERIFIER) \
	X(PRIORITY_PROOF, "/v1/applications/{id}/priority-proof", ROUTE_M_PUT, \
	    ROUTE_R_PARENT) \
	X(PRIORITY_CLAIMS, "/v1/staff/priority-claims", ROUTE_M_GET, \
	    ROUTE_R_VERIFIER) \
	X(PRIORITY_CONFIRM, "/v1/staff/applications/{id}/priority/confirm", \
	    ROUTE_M_POST, ROUTE_R_VERIFIER) \
	X(PRIORITY_REFUTE, "/v1/staff/applications/{id}/priority/refute", \
	    ROUTE_M_POST, ROUTE_R_VERIFIER) \
	X(NOTIFICATIONS, "/v1/notifications", ROUTE_M_GET, ROUTE_R_ANY) \
	X(NOTIFICATIONS_UNREAD, "/v1/notifications/unread-count", ROUTE_M_GET, \
	    ROUTE_R_ANY) \
	X(NOTIFICATION_READ, "/v1/notifications/{id}/read", ROUTE_M_POST, \
	    ROUTE_R_ANY) \
	X(NOTIFICATION_SETTINGS, "/v1/me/notification-settings", \
	    ROUTE_M_GET | ROUTE_M_PATCH, ROUTE_R_ANY) \
	X(SMS_RECEIPTS, "/v1/sms/receipts", ROUTE_M_POST, ROUTE_PUBLIC) \
	X(VOUCHERS, "/v1/vouchers", ROUTE_M_GET, ROUTE_R_PARENT) \
	X(VOUCHER, "/v1/vouchers/{id}", ROUTE_M_GET, ROUTE_R_PARENT) \
	X(VOUCHER_CONFIRM, "/v1/vouchers/{id}/confirm", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(VOUCHER_REFUSE, "/v1/vouchers/{id}/refuse", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(VOUCHER_EXTEND, "/v1/vouchers/{id}/extend", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(ROUNDS, "/v1/admin/allocation-rounds", ROUTE_M_GET | ROUTE_M_POST, \
	    ROUTE_R_ADMIN) \
	X(ROUND, "/v1/admin/allocation-rounds/{id}", ROUTE_M_GET, \
	    ROUTE_R_ADMIN) \
	X(ROUND_REPLAY, "/v1/admin/allocation-rounds/{id}/replay", \
	    ROUTE_M_POST, ROUTE_R_ADMIN) \
	X(ROUND_REPORT, "/v1/allocation-rounds/{id}/report", ROUTE_M_GET, \
	    ROUTE_PUBLIC) \
	X(SWEEPER_RUN, "/v1/admin/sweeper/run", ROUTE_M_POST, ROUTE_R_ADMIN) \
	X(CALENDAR_DAY, "/v1/admin/calendar/days/{date}", \
	    ROUTE_M_PUT | ROUTE_M_DELETE, ROUTE_R_ADMIN) \
	X(CALENDAR_YEAR, "/v1/admin/calendar/{year}", \
	    ROUTE_M_GET | ROUTE_M_PUT, ROUTE_R_ADMIN) \
	X(STATS_QUEUE, "/v1/stats/queue", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(STATS_VOUCHERS, "/v1/stats/vouchers", ROUTE_M_GET, ROUTE_PUBLIC) \
	X(STATS_POPULAR, "/v1/stats/kindergartens/popular", ROUTE_M_GET, \
	    ROUTE_PUBLIC) \
	X(VOUCHER_ENROLMENT, "/v1/vouchers/{id}/enrolment", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(WAITING_LIST, "/v1/kindergartens/{id}/waiting-list", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(STAFF_ENROLMENTS, "/v1/kindergarten/enrolments", ROUTE_M_GET, \
	    ROUTE_R_STAFF) \
	X(STAFF_CONTRACT, "/v1/kindergarten/enrolments/{id}/contract", \
	    ROUTE_M_POST, ROUTE_R_STAFF) \
	X(STAFF_DECLINE, "/v1/kindergarten/enrolments/{id}/decline", \
	    ROUTE_M_POST, ROUTE_R_STAFF) \
	X(CONTRACTS, "/v1/contracts", ROUTE_M_GET, \
	    ROUTE_R_PARENT | ROUTE_R_STAFF) \
	X(CONTRACT, "/v1/contracts/{id}", ROUTE_M_GET | ROUTE_M_PATCH, \
	    ROUTE_R_PARENT | ROUTE_R_STAFF) \
	X(CONTRACT_DOCUMENTS, "/v1/contracts/{id}/documents", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(CONTRACT_DOCUMENT, "/v1/contracts/{id}/document", ROUTE_M_GET, \
	    ROUTE_R_PARENT | ROUTE_R_STAFF) \
	X(CONTRACT_SIGNATURE, "/v1/contracts/{id}/signature", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(CONTRACT_EVIDENCE, "/v1/contracts/{id}/evidence", ROUTE_M_GET, \
	    ROUTE_R_PARENT | ROUTE_R_STAFF) \
	X(STAFF_CONTRACT_SIGNATURE, \
	    "/v1/kindergarten/contracts/{id}/signature", ROUTE_M_POST, \
	    ROUTE_R_STAFF) \
	X(GROUP_ATTENDANCE, "/v1/kindergarten/groups/{id}/attendance/{date}", \
	    ROUTE_M_GET | ROUTE_M_PUT, ROUTE_R_STAFF) \
	X(CHILD_ATTENDANCE, "/v1/children/{id}/attendance", ROUTE_M_GET, \
	    ROUTE_R_PARENT) \
	X(ATTENDANCE_APPROVE, "/v1/children/{id}/attendance/{month}/approve", \
	    ROUTE_M_POST, ROUTE_R_PARENT) \
	X(STATEMENT, "/v1/kindergarten/statements/{month}", ROUTE_M_GET, \
	    ROUTE_R_STAFF) \
	X(MENU, "/v1/kindergarten/menus/{date}", ROUTE_M_GET | ROUTE_M_PUT, \
	    ROUTE_R_STAFF) \
	X(CHILD_MENU, "/v1/children/{id}/menu", ROUTE_M_GET, ROUTE_R_PARENT) \
	X(SUPPORT_FEEDBACK, "/v1/support/feedback", ROUTE_M_GET, \
	    ROUTE_R_SUPPORT) \
	X(SUPPORT_ANSWER, "/v1/support/feedback/{id}/answer", ROUTE_M_POST, \
	    ROUTE_R_SUPPORT) \
	X(ADMIN_ACCOUNT, "/v1/admin/accounts/{id}", ROUTE_M_GET, \
	    ROUTE_R_ADMIN) \
	X(ADMIN_ACCOUNT_ROLE, "/v1/admin/accounts/{id}/roles/{role}", \
	    ROUTE_M_PUT | ROUTE_M_DELETE, ROUTE_R_ADMIN) \
	X(ADMIN_ACCOUNT_BLOCK, "/v1/admin/accounts/{id}/block", ROUTE_M_POST, \
	    ROUTE_R_ADMIN) \
	X(ADMIN_ACCOUNT_UNBLOCK, "/v1/admin/accounts/{id}/unblock", \
	    ROUTE_M_POST, ROUTE_R_ADMIN) \
	X(ADMIN_AUDIT, "/v1/admin/audit", ROUTE_M_GET, ROUTE_R_ADMIN) \
	X(ADMIN_KINDERGARTENS, "/v1/admin/kindergartens", ROUTE_M_POST, \
	    ROUTE_R_ADMIN) \
	X(ADMIN_KINDERGARTEN, "/v1/admin/kindergartens/{id}", ROUTE_M_PATCH, \
	    ROUTE_R_ADMIN) \
	X(ADMIN_KINDERGARTEN_SUSPEND, "/v1/admin/kindergartens/{id}/suspend", \
	    ROUTE_M_POST, ROUTE_R_ADMIN) \
	X(ADMIN_KINDERGARTEN_REOPEN, "/v1/admin/kindergartens/{id}/reopen", \
	    ROUTE_M_POST, ROUTE_R_ADMIN) \
	X(ADMIN_KINDERGARTEN_GROUPS, "/v1/admin/kindergartens/{id}/groups", \
	    ROUTE_M_POST, ROUTE_R_ADMIN) \
	X(ADMIN_GROUP, "/v1/admin/groups/{id}", ROUTE_M_PATCH, ROUTE_R_ADMIN) \
	X(ADMIN_GROUP_CLOSE, "/v1/admin/groups/{id}/close", ROUTE_M_POST, \
	    ROUTE_R_ADMIN) \
	X(KINDERGARTEN_CONTACTS, "/v1/kindergarten/contacts", ROUTE_M_PATCH, \
	    ROUTE_R_STAFF) \
	X(ROUND_SCHEDULE, "/v1/admin/regions/{id}/round-schedule", \
	    ROUTE_M_GET | ROUTE_M_PUT, ROUTE_R_ADMIN) \
	X(APPLICATION_EVENTS, "/v1/applications/{id}/history", ROUTE_M_GET, \
	    ROUTE_R_PARENT | ROUTE_R_VERIFIER | ROUTE_R_STAFF | ROUTE_R_ADMIN) \
	X(VOUCHER_HISTORY, "/v1/vouchers/{id}/history", ROUTE_M_GET, \
	    ROUTE_R_PARENT | ROUTE_R_VERIFIER | ROUTE_R_STAFF | ROUTE_R_ADMIN) \
	X(ENROLMENT_HISTORY, "/v1/enrolments/{id}/history", ROUTE_M_GET, \
	    ROUTE_R_PARENT | ROUTE_R_VERIFIER | ROUTE_R_STAFF | ROUTE_R_ADMIN) \
	X(CONTRACT_HISTORY, "/v1/contracts/{id}/history", ROUTE_M_GET, \
	    ROUTE_R_PARENT | ROUTE_R_VERIFIER | ROUTE_R_STAFF | ROUTE_R_ADMIN) \
	X(REGION_QUEUE, "/v1/admin/regions/{id}/queue", ROUTE_M_GET, \
	    ROUTE_R_ADMIN) \
	X(DEPARTMENT_STATEMENTS, "/v1/admin/statements/{month}", ROUTE_M_GET, \
	    ROUTE_R_ADMIN) \
	X(ALLOCATION_RULES, "/v1/admin/regions/{id}/allocation-rules", \
	    ROUTE_M_GET | ROUTE_M_PUT, ROUTE_R_ADMIN) \
	X(APPLICATION_CHOICES, "/v1/applications/{id}/choices", ROUTE_M_PUT, \
	    ROUTE_R_PARENT) \
	X(FAMILY_GROUPS, "/v1/family-groups", ROUTE_M_GET | ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(FAMILY_GROUP, "/v1/family-groups/{id}", ROUTE_M_DELETE, \
	    ROUTE_R_PARENT) \
	X(TRANSFERS, "/v1/transfers", ROUTE_M_GET | ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(TRANSFER, "/v1/transfers/{id}", ROUTE_M_GET, ROUTE_R_PARENT) \
	X(TRANSFER_ACCEPT, "/v1/transfers/{id}/accept", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(TRANSFER_DECLINE, "/v1/transfers/{id}/decline", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(TRANSFER_CANCEL, "/v1/transfers/{id}/cancel", ROUTE_M_POST, \
	    ROUTE_R_PARENT) \
	X(UNKNOWN, "(unknown)", 0, ROUTE_PUBLIC)

#define ROUTE_ENUM(id, path, methods, roles) ROUTE_##id,
enum route_id { BQ_ROUTES(ROUTE_ENUM) ROUTE__MAX };
#undef ROUTE_ENUM

struct route {
	const char *path;
	int methods;
	int roles;
};

extern const struct route routes[ROUTE__MAX];

int route_allow_header(int, char *, size_t);
int route_role_bit(const char *);
/* Whether a GET of the route may be answered by a standby. */
int route_stale_ok(enum route_id);

#endif
