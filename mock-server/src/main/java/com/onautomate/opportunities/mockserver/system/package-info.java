/** The server's own settings ({@code onautomate.*}) and what it prints when it is ready. */
package com.onautomate.opportunities.mockserver.system;
