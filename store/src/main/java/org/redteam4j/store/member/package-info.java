/** Members as stored: red team members, reviewers and admins, and how they were recruited. */
package org.redteam4j.store.member;
