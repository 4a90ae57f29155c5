// Starts Swagger UI on /api/docs (web/api_docs.py); a file, because the CSP allows no inline script.
window.addEventListener("load", () => {
  const root = document.getElementById("swagger-ui");
  if (!root || typeof window.SwaggerUIBundle !== "function") {
    return;
  }
  window.SwaggerUIBundle({
    url: root.dataset.openapiUrl,
    dom_id: "#swagger-ui",
    deepLinking: true,
    persistAuthorization: false,
    layout: "BaseLayout",
  });
});
