/** Commands that move data in and out of the store and summarise it: import, export, stats. */
package org.redteam4j.app.data;
