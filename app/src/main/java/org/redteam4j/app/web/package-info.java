/**
 * The red-team workbench: a Javalin server with server-rendered pages (Thymeleaf, escaping all
 * text) and a JSON API under {@code /api/} for the same actions. {@link org.redteam4j.app.web.Workbench}
 * holds the rules (roles, blinding, caps); {@link org.redteam4j.app.web.WebApp} maps HTTP onto it.
 */
package org.redteam4j.app.web;
