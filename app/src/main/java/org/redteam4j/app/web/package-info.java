/**
 * The red-team workbench over HTTP: a Javalin server with server-rendered pages (Thymeleaf,
 * escaping all text) and a JSON API under {@code /api/} for the same actions, both calling the
 * services of {@link org.redteam4j.app.workbench}. {@link org.redteam4j.app.web.WebApp} adds
 * security headers, sessions and CSRF checks; {@link org.redteam4j.app.web.FailureResponses} is the
 * one place where a refused request becomes a status code.
 */
package org.redteam4j.app.web;
