/**
 * How every failure becomes the contract's answer: the exceptions features throw ({@code 4xx} with
 * the vendor's {@code {"msg": ...}} body, {@code 422} with its field map), and the one mapping from
 * failures to statuses and bodies for Spring MVC, for filters and for Tomcat itself.
 */
package com.onautomate.opportunities.mockserver.errors;
