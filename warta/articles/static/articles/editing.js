// The page editor's saves, in step with Wagtail's autosave and with a renewed login.
// See warta/articles/editing.py for the server's side.
(() => {
  const editForm = () => document.querySelector("form[data-edit-form]");

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
    let input = form.querySelector('input[name="csrfmiddlewaretoken"]');
    if (!input) {
      input = document.createElement("input");
      input.type = "hidden";
      input.name = "csrfmiddlewaretoken";
      form.prepend(input);
    }
    input.value = token;
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
})();
