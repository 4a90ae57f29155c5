// The batch page continues itself: each request issues one chunk and returns the progress; the
// "계속 발급" button does the same without JavaScript (the CSP forbids inline scripts).
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("batch-continue");
  if (form instanceof HTMLFormElement && form.dataset.autoSubmit === "1") {
    form.requestSubmit();
  }
});
