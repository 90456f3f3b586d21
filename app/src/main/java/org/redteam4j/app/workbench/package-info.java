/**
 * The red-team workbench's rules, with no HTTP in them: {@link org.redteam4j.app.workbench.Accounts}
 * and {@link org.redteam4j.app.workbench.Sessions} (invitations, roles, limited logins), {@link
 * org.redteam4j.app.workbench.Campaigns}, the blinded {@link org.redteam4j.app.workbench.RedTeamTask},
 * {@link org.redteam4j.app.workbench.Reviews} and {@link org.redteam4j.app.workbench.Dashboards},
 * built together by {@link org.redteam4j.app.workbench.Workbench} over the {@code store.workbench}
 * repositories. Every action for a person takes their {@link org.redteam4j.app.workbench.Principal};
 * a broken rule is a {@link org.redteam4j.app.workbench.WorkbenchFailure} of one {@code Kind}, which
 * the web layer maps to a status code.
 */
package org.redteam4j.app.workbench;
