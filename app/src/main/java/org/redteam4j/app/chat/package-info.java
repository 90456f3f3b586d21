/** {@code redteam4j chat}: talk to any target, one message or interactively. */
package org.redteam4j.app.chat;
