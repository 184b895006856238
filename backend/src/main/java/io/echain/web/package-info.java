/**
 * The web app (built by the frontend module into {@code static/}) served from the same origin as the API: hashed
 * assets cached for a year, {@code index.html} never cached, and client-side routes answered with {@code index.html}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web app")
package io.echain.web;
