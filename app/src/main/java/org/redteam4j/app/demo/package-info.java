/** {@code redteam4j demo}: the whole system, offline, on a fresh machine. */
package org.redteam4j.app.demo;
