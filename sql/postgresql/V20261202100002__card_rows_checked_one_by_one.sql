-- The policies of a contact's e-mails, phones, addresses, web addresses and labels (V20261202060001) ask whether the
-- row's contact is visible. Written as EXISTS, PostgreSQL may plan that as a hash of every contact the user can see,
-- built for each statement; with statistics behind the data (a table that grew fast, as in an import, and more so
-- where autovacuum is off) it does, and then every insert of an import's batch, and every look-up, costs O(the user's
-- contacts). Asked through a PL/pgSQL function, which the planner cannot inline, it is one primary-key probe per row
-- whatever the statistics say. The function runs as its caller, so the contacts' own policy still decides.
CREATE FUNCTION public.kontak_contact_visible(contact uuid) RETURNS boolean
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = contact);
END
$$;

ALTER POLICY of_accessible_contacts ON public.contact_emails USING (public.kontak_contact_visible(contact_id));
ALTER POLICY of_accessible_contacts ON public.contact_phones USING (public.kontak_contact_visible(contact_id));
ALTER POLICY of_accessible_contacts ON public.contact_addresses USING (public.kontak_contact_visible(contact_id));
ALTER POLICY of_accessible_contacts ON public.contact_urls USING (public.kontak_contact_visible(contact_id));
ALTER POLICY of_accessible_contacts ON public.contact_labels USING (public.kontak_contact_visible(contact_id));
