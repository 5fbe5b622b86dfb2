package com.onautomate.opportunities.mockserver.contacts;

import java.util.List;

/**
 * What a create or update says about its contact: how to find it (contactId, else email, else
 * phone) and what to apply to it ({@code null} = leave as is).
 */
public record ContactWrite(String contactId, String email, String phone, String name, String companyName,
                           List<String> tags) {
}
