/**
 * For adapter modules: how a framework's model object becomes a {@link org.redteam4j.api.ChatTarget}.
 */
package org.redteam4j.api.spi;
