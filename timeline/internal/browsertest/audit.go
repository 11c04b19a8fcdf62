package browsertest

import (
	"encoding/json"
	"fmt"
)

// auditJS lists what in the page could run a script its site did not
// mean to: script elements other than the allowed files and JSON data
// that parses, event handler attributes (on*), javascript: and vbscript: URLs
// in attributes that load or follow them, data: URLs that a link, form
// or frame would open (a data: icon is harmless), frames, objects,
// embeds and <base>, and the window.__xss mark that hostile test input
// sets when a script of its own runs.
const auditJS = `((allowed) => {
	const out = [];
	for (const s of document.querySelectorAll("script")) {
		const src = s.getAttribute("src");
		if (src !== null) {
			if (!allowed.some(a => src === a || src.endsWith("/" + a))) out.push("script src=" + src);
			continue;
		}
		if (s.type === "application/json") {
			try { JSON.parse(s.textContent); } catch (e) { out.push("JSON script that does not parse: " + e); }
			continue;
		}
		out.push("inline script: " + s.textContent.slice(0, 80));
	}
	const urlAttrs = ["href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite", "srcset"];
	for (const el of document.querySelectorAll("*")) {
		const tag = el.tagName.toLowerCase();
		if (["iframe", "frame", "object", "embed", "base", "meta"].includes(tag) && !(tag === "meta" && !el.hasAttribute("http-equiv"))) {
			out.push("<" + tag + "> element");
		}
		for (const a of el.attributes) {
			const name = a.name.toLowerCase();
			const value = a.value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
			if (name.startsWith("on")) out.push("<" + tag + " " + name + "=" + JSON.stringify(a.value.slice(0, 60)) + ">");
			if (name === "srcdoc") out.push("<" + tag + " srcdoc>");
			const scripted = /^(javascript|vbscript):/.test(value) ||
				(/^data:/.test(value) && ["a", "area", "form", "button", "iframe", "frame", "object", "embed", "script"].includes(tag));
			if (urlAttrs.includes(name) && scripted) {
				out.push("<" + tag + " " + name + "=" + JSON.stringify(a.value.slice(0, 60)) + ">");
			}
		}
	}
	if (window.__xss !== undefined) out.push("window.__xss was set: " + String(window.__xss));
	return out;
})(%s)`

// Injected returns what in the tab's current page could run a script
// that its site did not write (see auditJS); allowed are the site's own
// script files, by path from the site's root ("js/timeline.js").
func Injected(tb *Tab, allowed ...string) []string {
	tb.t.Helper()
	if allowed == nil {
		allowed = []string{}
	}
	list, err := json.Marshal(allowed)
	if err != nil {
		panic(err)
	}
	return Eval[[]string](tb, fmt.Sprintf(auditJS, list))
}
