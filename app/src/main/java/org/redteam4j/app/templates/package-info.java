/** The one Thymeleaf engine set-up that the workbench's pages and the analysis report share. */
package org.redteam4j.app.templates;
