/** Test applications the app's tests (and {@code examples/}) run on loopback: real HTTP servers with known behaviour. */
package org.redteam4j.app.testing;
