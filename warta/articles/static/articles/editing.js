// The page editor's saves, in step with Wagtail's autosave and with a renewed login.
// See warta/articles/editing.py for the server's side.
(() => {
  const editForm = () => document.querySelector("form[data-edit-form]");
  // Set a hidden input of ``form`` (made when missing) to ``value``.
  const setHidden = (form, name, value, { first = false } = {}) => {
    let input = form.querySelector(`input[name="${name}"]`);
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      if (first) form.prepend(input);
      else form.append(input);
    }
    input.value = value;
  };

  // 1. Each autosave makes (or updates) a revision, but the form's loaded_revision_*
  // inputs keep naming the revision the page was opened with, so the server's
  // stale-save check would take the editor's own autosave for someone else's save.
  // After each autosave they name its revision. (Wagtail's unsaved-changes check
  // ignores these inputs, so this starts no new autosave.)
  document.addEventListener("w-autosave:success", (event) => {
    const data = event.detail && event.detail.data;
    const form = editForm();
    if (!form || !data || !data.revision_id) return;
    const id = form.querySelector('input[name="loaded_revision_id"]');
    const createdAt = form.querySelector('input[name="loaded_revision_created_at"]');
    if (id) id.value = String(data.revision_id);
    if (createdAt && data.revision_created_at) createdAt.value = data.revision_created_at;
  });

  // 2. Logging in again (in another tab, after the login expired) gives the browser a
  // new CSRF token; the open editor still holds the old one, and its saves would be
  // refused ("Verifikasi CSRF gagal") with the typed work gone. Every post takes the
  // current token from Django's CSRF cookie instead, as Django's docs do for scripts.
  const currentToken = () => {
    const cookie = document.cookie.split("; ").find((c) => c.startsWith("csrftoken="));
    return cookie ? decodeURIComponent(cookie.slice("csrftoken=".length)) : null;
  };
  const refreshToken = (form) => {
    const token = currentToken();
    if (!form || !token) return;
    setHidden(form, "csrfmiddlewaretoken", token, { first: true });
  };
  // The full save (Simpan, Publikasi, ...).
  document.addEventListener("submit", (event) => refreshToken(event.target), true);
  // The autosave posts a copy of the form, made before this event.
  document.addEventListener("w-autosave:save", (event) => {
    const token = currentToken();
    const formData = event.detail && event.detail.formData;
    if (token && formData) formData.set("csrfmiddlewaretoken", token);
  });
  // The editing-sessions ping posts its own small form, from the next ping on.
  document.addEventListener("w-session:ping", (event) => refreshToken(event.target));

  // 3. The server down (a database restart answers 503, see warta/operations/outage.py):
  // the editor's text must survive a failed save and a failed autosave. The form is kept
  // in localStorage before each save and autosave and after each failure, under the
  // page's edit (or create) URL; an autosave that worked, or a full save whose answer
  // named this copy's token (the warta_saved cookie, editing.mark_saved_copy), drops it.
  // Opening the page again with a copy still kept offers it back: Pulihkan posts it
  // to the server, which shows the form filled with it and saves nothing.
  const STORE = "warta.unsaved:";
  const SAVED_COOKIE = "warta_saved";
  const NOT_KEPT = new Set([
    "csrfmiddlewaretoken",
    "warta_copy",
    "warta_restore",
    "warta_create_form",
  ]);
  const MOVING = new Set(["loaded_revision_id", "loaded_revision_created_at"]);

  const storeKey = (url) => STORE + new URL(url, window.location.href).pathname;
  const fieldsOf = (formData) =>
    [...formData.entries()].filter(([k, v]) => typeof v === "string" && !NOT_KEPT.has(k));
  const contentOf = (fields) => JSON.stringify(fields.filter(([k]) => !MOVING.has(k)));
  const readCopy = (key) => {
    try {
      return JSON.parse(window.localStorage.getItem(key) || "null");
    } catch (error) {
      return null;
    }
  };
  const forget = (key) => {
    try {
      window.localStorage.removeItem(key);
    } catch (error) {
      /* storage unavailable: nothing was kept */
    }
  };
  const keep = (key, fields, token) => {
    const url = key.slice(STORE.length);
    const copy = { savedAt: Date.now(), token: token || null, url, fields };
    try {
      window.localStorage.setItem(key, JSON.stringify(copy));
    } catch (error) {
      /* full or private storage: the open form still holds the text */
    }
  };
  const newToken = () =>
    window.crypto && window.crypto.randomUUID
      ? window.crypto.randomUUID()
      : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

  // Before each autosave: keep exactly what is posted; drop it once the server has it.
  let pending = null;
  document.addEventListener("w-autosave:save", (event) => {
    const form = editForm();
    const formData = event.detail && event.detail.formData;
    if (!form || !formData) return;
    const fields = fieldsOf(formData);
    pending = { key: storeKey(form.action), content: contentOf(fields) };
    keep(pending.key, fields);
  });
  document.addEventListener("w-autosave:success", () => {
    if (!pending) return;
    const copy = readCopy(pending.key);
    if (copy && contentOf(copy.fields) === pending.content) forget(pending.key);
    pending = null;
  });

  // Before each full save: keep the form, and name the copy in the post.
  document.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!(form instanceof HTMLFormElement) || !form.matches("[data-edit-form]")) return;
      const token = newToken();
      setHidden(form, "warta_copy", token);
      keep(storeKey(form.action), fieldsOf(new FormData(form)), token);
    },
    true,
  );

  // 4. Autosave resumes by itself. Wagtail's autosave tries again after a network error
  // (five times) but never after a server error: it waits for the next keystroke, so an
  // editor who stopped typing during the outage kept a paused autosave. Each failure is
  // retried here after 2, 4, 8, 16, then every 30 seconds, until one succeeds; and the
  // message says so, in Indonesian.
  const MAX_DELAY = 30;
  let retryTimer = null;
  let failures = 0;
  const retryAutosave = () => {
    retryTimer = null;
    const form = editForm();
    // The form's own "edits seen" event is what starts Wagtail's autosave.
    if (!form) return;
    form.dispatchEvent(
      new CustomEvent("w-unsaved:add", { cancelable: true, detail: { type: "edits" } }),
    );
  };
  const scheduleRetry = () => {
    if (retryTimer) return null;
    failures += 1;
    const delay = Math.min(2 ** failures, MAX_DELAY);
    retryTimer = window.setTimeout(retryAutosave, delay * 1000);
    return delay;
  };
  const retryNow = () => {
    if (!retryTimer) return;
    window.clearTimeout(retryTimer);
    retryAutosave();
  };
  // Capture on window: runs before Wagtail's indicator and footer read detail.text.
  window.addEventListener(
    "w-autosave:error",
    (event) => {
      const detail = event.detail || {};
      const form = editForm();
      if (form) keep(storeKey(form.action), fieldsOf(new FormData(form)));
      if (detail.type !== "server_error" && detail.type !== "network_error") return;
      const delay = scheduleRetry();
      const maintenance = detail.response && detail.response.error_code === "server_unavailable";
      const what = maintenance
        ? "Server sedang dalam pemeliharaan singkat."
        : detail.type === "network_error"
          ? "Sambungan ke server terputus."
          : "Server sedang bermasalah.";
      const when = delay ? ` Simpan otomatis dicoba lagi dalam ${delay} detik.` : "";
      detail.text = `${what} Isian Anda aman di peramban ini.${when}`;
    },
    true,
  );
  document.addEventListener("w-autosave:success", () => {
    failures = 0;
    if (retryTimer) window.clearTimeout(retryTimer);
    retryTimer = null;
  });
  window.addEventListener("online", retryNow);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") retryNow();
  });

  // 5. Opening the page: offer back a copy kept from a save that did not go through.
  const savedTokens = () =>
    document.cookie
      .split("; ")
      .filter((c) => c.startsWith(`${SAVED_COOKIE}=`))
      .map((c) => decodeURIComponent(c.slice(SAVED_COOKIE.length + 1)));
  const dropSavedCookie = () => {
    document.cookie = `${SAVED_COOKIE}=; Max-Age=0; path=/admin/; SameSite=Lax`;
  };
  const restore = (form, copy) => {
    const post = document.createElement("form");
    post.method = "POST";
    post.action = copy.url;
    post.hidden = true;
    const add = (name, value) => {
      const input = document.createElement("input");
      input.type = "hidden";
      input.name = name;
      input.value = value;
      post.append(input);
    };
    copy.fields.forEach(([name, value]) => add(name, value));
    const input = form.querySelector('input[name="csrfmiddlewaretoken"]');
    const token = currentToken() || (input && input.value);
    if (token) add("csrfmiddlewaretoken", token);
    add("warta_restore", "1");
    document.body.append(post);
    post.submit();
  };
  const offer = (form, key, copy) => {
    const when = new Date(copy.savedAt).toLocaleString("id-ID", {
      dateStyle: "medium",
      timeStyle: "short",
    });
    const text =
      `Ada teks yang belum tersimpan dari ${when}, disimpan di peramban ini ketika server ` +
      "tidak dapat dihubungi. Pulihkan mengisikannya kembali ke formulir (belum disimpan " +
      "sampai Anda menekan Simpan); Buang menghapusnya.";
    // Shown as one of Wagtail's own messages, at the top of the editor.
    document.dispatchEvent(
      new CustomEvent("w-messages:add", { detail: { text, type: "warning" } }),
    );
    const item = document.querySelector(".messages ul > li:last-child");
    if (!item) return;
    item.dataset.wartaKeptCopy = "";
    const button = (label, secondary, onClick) => {
      const element = document.createElement("button");
      element.type = "button";
      element.className = `button button-small${secondary ? " button-secondary" : ""}`;
      element.textContent = label;
      element.addEventListener("click", onClick);
      return element;
    };
    const buttons = document.createElement("span");
    buttons.className = "buttons";
    buttons.append(
      button("Pulihkan", false, () => restore(form, copy)),
      " ",
      button("Buang", true, () => {
        forget(key);
        item.remove();
      }),
    );
    item.append(" ", buttons);
  };
  const MAX_AGE_MS = 14 * 24 * 3600 * 1000;
  const tidyCopies = () => {
    // A save that went through drops its copy, wherever it was kept (a new page's copy
    // is kept under its create URL, and the save lands on its edit URL); so does age.
    const saved = savedTokens();
    let keys = [];
    try {
      keys = Object.keys(window.localStorage).filter((k) => k.startsWith(STORE));
    } catch (error) {
      return;
    }
    keys.forEach((key) => {
      const copy = readCopy(key);
      if (
        !copy ||
        !Array.isArray(copy.fields) ||
        Date.now() - copy.savedAt > MAX_AGE_MS ||
        (copy.token && saved.includes(copy.token))
      ) {
        forget(key);
      }
    });
    if (saved.length) dropSavedCookie();
  };
  window.addEventListener("load", () => {
    const form = editForm();
    if (!form) return;
    tidyCopies();
    const key = storeKey(form.action);
    const copy = readCopy(key);
    if (!copy) return;
    // The server already shows a posted or kept form (a refused save, Pulihkan itself).
    if (form.getAttribute("data-w-unsaved-force-value") === "true") return;
    if (contentOf(fieldsOf(new FormData(form))) === contentOf(copy.fields)) {
      forget(key); // the page holds this text already
      return;
    }
    offer(form, key, copy);
  });

  // 6. A click on Simpan konsep/Terbitkan while an autosave is on its way waits for it.
  // On a new page the first autosave creates the page and points the form at the
  // page's edit URL; the create form posted meanwhile would make the page again (the
  // server sends such a post on to the autosaved page: editing.save_onto_autosaved_page).
  // On an existing page it would post a revision the autosave is replacing. The held
  // click is posted once the autosave has answered (or after WAIT_MS), with the
  // clicked button's name, to wherever the form now points.
  // The create form's token names this form to the server, in its autosaves and its
  // saves: a save that still reaches the create URL after the autosave made the page
  // goes on to that page (and a second create form, another token, does not).
  const addCreateToken = () => {
    const form = editForm();
    if (!form || form.querySelector('input[name="warta_create_form"]')) return;
    const path = new URL(form.action, window.location.href).pathname;
    if (/\/pages\/add\//.test(path)) setHidden(form, "warta_create_form", newToken());
  };
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", addCreateToken);
  } else {
    addCreateToken();
  }
  const WAIT_MS = 15000;
  let autosaving = false;
  let held = null;
  const release = () => {
    if (!held || autosaving) return;
    const { form, submitter, timer } = held;
    held = null;
    window.clearTimeout(timer);
    if (submitter && submitter.name) setHidden(form, submitter.name, submitter.value || "1");
    form.requestSubmit();
  };
  document.addEventListener("w-autosave:save", (event) => {
    autosaving = true;
    // A save cancelled by another listener posts nothing and answers nothing.
    window.setTimeout(() => {
      if (event.defaultPrevented) {
        autosaving = false;
        release();
      }
    }, 0);
  });
  ["w-autosave:success", "w-autosave:error", "w-autosave:deactivated"].forEach((name) => {
    document.addEventListener(name, () => {
      autosaving = false;
      // After this event's other handlers (the form's loaded revision, above), and
      // after a follow-up autosave Wagtail may start at once (then wait for that one).
      window.setTimeout(release, 0);
    });
  });
  window.addEventListener(
    "submit",
    (event) => {
      const form = event.target;
      if (!autosaving || !(form instanceof HTMLFormElement)) return;
      if (!form.matches("[data-edit-form]")) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      if (held) return;
      const timer = window.setTimeout(() => {
        autosaving = false;
        release();
      }, WAIT_MS);
      held = { form, submitter: event.submitter, timer };
    },
    true,
  );
})();
