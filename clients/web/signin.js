// A page for one role of the staff (the department, a kindergarten's
// staff, a verifier): the sign-in form, the sign-out button, the switch
// to the page's role when the account holds it but the session acts in
// another, and body[data-ready] once the page has drawn.  SHOW(me) draws
// the signed-in part.
import { bq, el, onSubmit } from "./api.js";
import { translate } from "./i18n.js";

const $ = (id) => document.getElementById(id);

// The sign-in, the wrong role's note and the page's heading, before the
// page's own #work: the same on every staff page.
function frame() {
	const work = $("work");
	const title = work.dataset.title;
	const words = (key) => el("span", { dataset: { t: key } });
	work.before(el("section", { id: "guest", hidden: true }, el("h1", { dataset: { t: title } }),
	    el("form", { id: "login-form" },
		el("label", {}, words("staff_login"), el("input", { name: "login", autocomplete: "username", required: true })),
		el("label", {}, words("password"), el("input", { name: "password", type: "password",
		    autocomplete: "current-password", required: true })),
		el("button", { type: "submit", dataset: { t: "sign_in" } }),
		el("p", { class: "error", dataset: { role: "error" }, hidden: true }))),
	    el("section", { id: "wrong-role", hidden: true }, el("p", { dataset: { t: "wrong_role" } })));
	work.prepend(el("section", {}, el("h1", {}, words(title), " · ", el("span", { id: "who" }))));
}

export function rolePage(role, show) {
	frame();
	translate();
	let shown = null;	/* whether the signed-in part (true) or the sign-in shows */

	async function load() {
		const signedIn = Boolean(bq.tokens);
		shown = signedIn;
		document.body.dataset.ready = "false";
		$("guest").hidden = signedIn;
		$("sign-out").hidden = !signedIn;
		$("work").hidden = true;
		$("wrong-role").hidden = true;
		if (signedIn) {
			try {
				let me = await bq.getMe();
				if (me.active_role !== role && me.roles.includes(role)) {
					await bq.postMeRole({ body: { role } });
					me = await bq.getMe();
				}
				if (me.active_role === role) {
					$("who").textContent = [me.surname, me.first_name].filter(Boolean).join(" ");
					$("work").hidden = false;
					await show(me);
				} else
					$("wrong-role").hidden = false;
			} catch (e) {
				// A session the server no longer takes: back to the sign-in.
				if (e.status !== 401) throw e;
			}
		}
		document.body.dataset.ready = "true";
	}

	onSubmit($("login-form"), (f) => bq.postAuthLogin({ body: {
		login: f.elements.login.value.trim(), password: f.elements.password.value, remember: false } }));
	$("sign-out").addEventListener("click", () => bq.postAuthLogout().catch(() => bq.setTokens(null)));
	// Signing in or out redraws; a refreshed token or a role switched does not.
	document.addEventListener("bq:session", (e) => {
		if (e.detail !== shown) load();
	});
	load();
	return load;
}
