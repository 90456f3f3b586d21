/** What the red-team workbench stores: accounts, sessions, invitations, campaigns, live attempts and reviews. */
package org.redteam4j.store.workbench;
