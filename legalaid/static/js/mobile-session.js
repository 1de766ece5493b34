// The mobile legal aid session page (docs/outreach.md "Offline design"). Works without a network: everything typed
// is kept in localStorage at once (drafts too, so closing the tab loses nothing), and the session with its requests
// is sent when the connection returns. Each session and each request carries a random key made on the device: the
// server creates nothing twice when the same thing is sent again.
(function () {
  "use strict";
  var STORE = "legalaid.mobile.v1";
  var root = document.getElementById("mobile-options");
  if (!root) { return; }
  var options = JSON.parse(root.textContent);
  var urls = JSON.parse(document.getElementById("mobile-urls").textContent);
  var text = document.getElementById("mobile-messages").dataset;
  var statusBox = document.getElementById("mobile-status");
  var sessionForm = document.getElementById("mobile-session-form");
  var entryForm = document.getElementById("mobile-entry-form");
  var list = document.getElementById("mobile-entries");
  var sending = false;

  function uuid() {
    if (window.crypto && window.crypto.randomUUID) { return window.crypto.randomUUID(); }
    var b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function today() {
    var d = new Date();
    return ("0" + d.getDate()).slice(-2) + "/" + ("0" + (d.getMonth() + 1)).slice(-2) + "/" + d.getFullYear();
  }

  function load() {
    var state = null;
    try { state = JSON.parse(window.localStorage.getItem(STORE) || "null"); } catch (e) { state = null; }
    if (!state || !state.session) {
      state = { session: { key: uuid(), date: today() }, entries: [], draft: {} };
    }
    state.entries = state.entries || [];
    state.draft = state.draft || {};
    return state;
  }

  var state = load();

  function save() { window.localStorage.setItem(STORE, JSON.stringify(state)); }

  function fillSelects() {
    document.querySelectorAll("select[data-options]").forEach(function (select) {
      var empty = document.createElement("option");
      empty.value = "";
      empty.textContent = "—";
      select.appendChild(empty);
      (options[select.dataset.options] || []).forEach(function (pair) {
        var option = document.createElement("option");
        option.value = String(pair[0]);
        option.textContent = pair[1];
        select.appendChild(option);
      });
    });
  }

  function formValues(form) {
    var values = {};
    Array.prototype.forEach.call(form.elements, function (el) { if (el.name) { values[el.name] = el.value; } });
    return values;
  }

  function setValues(form, values) {
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name && values[el.name] !== undefined && values[el.name] !== null) { el.value = values[el.name]; }
    });
  }

  function showErrors(form, errors) {
    form.querySelectorAll("[data-error-for]").forEach(function (box) {
      var message = (errors && errors[box.dataset.errorFor]) || "";
      box.textContent = message;
      var input = form.elements[box.dataset.errorFor];
      if (input) {
        input.classList.toggle("is-invalid", Boolean(message));
        if (message) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
      }
    });
  }

  function say(message) { statusBox.textContent = message; }

  function commune(id) {
    var found = (options.communes || []).filter(function (pair) { return String(pair[0]) === String(id); })[0];
    return found ? found[1] : "";
  }

  function render() {
    list.textContent = "";
    document.getElementById("mobile-count").textContent = String(state.entries.length);
    if (!state.entries.length) {
      var none = document.createElement("li");
      none.className = "list-group-item text-body-secondary";
      none.textContent = text.none;
      list.appendChild(none);
    }
    state.entries.forEach(function (entry) {
      var item = document.createElement("li");
      item.className = "list-group-item mobile-entry";
      item.dataset.status = entry.status;
      var label = { pending: text.pending, received: text.received, needs_decision: text.needsDecision,
                    error: text.error }[entry.status] || text.pending;
      var name = document.createElement("strong");
      name.textContent = entry.full_name;
      item.appendChild(name);
      item.appendChild(document.createTextNode(" – " + (entry.birth_year || "") + " " + commune(entry.commune) + " · "));
      var badge = document.createElement("span");
      badge.className = "badge " + (entry.status === "received" ? "text-bg-success"
        : entry.status === "error" ? "text-bg-danger" : "text-bg-secondary");
      badge.textContent = label;
      item.appendChild(badge);
      if (entry.errors) {
        Object.keys(entry.errors).forEach(function (k) {
          var err = document.createElement("div");
          err.className = "text-danger";
          err.textContent = entry.errors[k];
          item.appendChild(err);
        });
        // A request the server refused: put it back in the form to correct it and save it again.
        var fix = document.createElement("button");
        fix.type = "button";
        fix.className = "btn btn-sm btn-outline-primary mt-1";
        fix.textContent = text.fix;
        fix.addEventListener("click", function () {
          state.entries = state.entries.filter(function (e) { return e.key !== entry.key; });
          state.draft = entry;
          save();
          setValues(entryForm, entry);
          showErrors(entryForm, entry.errors);
          render();
        });
        item.appendChild(fix);
      }
      list.appendChild(item);
    });
  }

  function validSession(values) {
    var errors = {};
    if (!/^\d{1,2}\/\d{1,2}\/\d{4}$/.test(values.date || "")) { errors.date = text.date; }
    if (!values.commune) { errors.commune = text.required; }
    if (values.audience_total && !/^\d{1,6}$/.test(values.audience_total)) { errors.audience_total = text.required; }
    return errors;
  }

  function validEntry(values) {
    var errors = {};
    ["full_name", "sex", "field_of_law", "summary"].forEach(function (name) {
      if (!(values[name] || "").trim()) { errors[name] = text.required; }
    });
    var year = (values.birth_year || "").trim();
    if (year && (!/^\d{4}$/.test(year) || +year < 1900 || +year > new Date().getFullYear())) {
      errors.birth_year = text.year;
    }
    return errors;
  }

  function pending() {
    return state.entries.filter(function (e) { return e.status === "pending" || e.status === "error"; });
  }

  function token() {
    return fetch(urls.token, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) {
        if (!r.ok || r.redirected || (r.headers.get("Content-Type") || "").indexOf("json") === -1) {
          throw new Error("login");
        }
        return r.json();
      })
      .then(function (data) { return data.token; });
  }

  function send() {
    if (sending || !navigator.onLine) { return; }
    var waiting = pending();
    var sessionErrors = validSession(state.session);
    if (!waiting.length || Object.keys(sessionErrors).length) {
      showErrors(sessionForm, sessionErrors);
      return;
    }
    sending = true;
    say(text.sending);
    token().then(function (csrf) {
      var body = { session: state.session, entries: waiting };
      return fetch(urls.sync, {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, "Accept": "application/json" },
        body: JSON.stringify(body)
      });
    }).then(function (r) {
      if (r.redirected || r.status === 403) { throw new Error("login"); }
      return r.json().then(function (data) { return { ok: r.ok, data: data }; });
    }).then(function (answer) {
      if (!answer.ok) {
        showErrors(sessionForm, answer.data.session || {});
        say(answer.data.error || text.failed);
        return;
      }
      state.session.server = answer.data.session;
      answer.data.entries.forEach(function (result) {
        state.entries.forEach(function (entry) {
          if (entry.key === result.key) {
            entry.status = result.status;
            entry.errors = result.status === "error" ? result.errors : null;
          }
        });
      });
      save();
      render();
      say(pending().length ? text.error : text.allSent);
    }).catch(function (error) {
      say(error && error.message === "login" ? text.login : text.failed);
    }).then(function () { sending = false; });
  }

  function showConnection() {
    statusBox.dataset.online = navigator.onLine ? "1" : "0";
    if (!navigator.onLine) { say(text.offline); }
  }

  // --- Wiring ----------------------------------------------------------------------------------------------------
  fillSelects();
  setValues(sessionForm, state.session);
  setValues(entryForm, state.draft);
  render();
  showConnection();

  sessionForm.addEventListener("input", function () {
    var values = formValues(sessionForm);
    Object.keys(values).forEach(function (k) { state.session[k] = values[k]; });
    save();
  });
  sessionForm.addEventListener("submit", function (event) { event.preventDefault(); });
  entryForm.addEventListener("input", function () { state.draft = formValues(entryForm); save(); });
  entryForm.addEventListener("change", function () { state.draft = formValues(entryForm); save(); });
  sessionForm.addEventListener("change", function () {
    var values = formValues(sessionForm);
    Object.keys(values).forEach(function (k) { state.session[k] = values[k]; });
    save();
  });
  entryForm.addEventListener("submit", function (event) {
    event.preventDefault();
    var values = formValues(entryForm);
    var errors = validEntry(values);
    showErrors(entryForm, errors);
    if (Object.keys(errors).length) { return; }
    values.key = uuid();
    values.status = "pending";
    values.typed_at = new Date().toISOString();
    state.entries.push(values);
    state.draft = {};
    save();
    entryForm.reset();
    render();
    say(text.saved + " " + (navigator.onLine ? "" : text.offline));
    send();
  });
  document.getElementById("mobile-send").addEventListener("click", send);
  document.getElementById("mobile-new").addEventListener("click", function () {
    if (pending().length) { say(text.failed); return; }
    if (!window.confirm(text.confirmNew)) { return; }
    state = { session: { key: uuid(), date: today() }, entries: [], draft: {} };
    save();
    sessionForm.reset();
    setValues(sessionForm, state.session);
    render();
  });
  window.addEventListener("online", function () { showConnection(); say(text.online); send(); });
  window.addEventListener("offline", showConnection);

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register(urls.worker, { scope: urls.scope }).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      // The worker answers once this page and its files are in its cache.
      var worker = registration.active;
      var channel = new MessageChannel();
      channel.port1.onmessage = function (event) {
        if (event.data && event.data.ready) {
          statusBox.dataset.offlineReady = "1";
          if (navigator.onLine) { say(text.ready); }
        }
      };
      worker.postMessage({ type: "ready?" }, [channel.port2]);
    }).catch(function () { /* no offline copy: the page still saves on the device */ });
  }
  if (navigator.onLine) { send(); }
}());
