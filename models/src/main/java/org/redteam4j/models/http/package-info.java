/** What the HTTP runtimes share: one template for a call, one mapping from HTTP failures to typed errors. */
package org.redteam4j.models.http;
