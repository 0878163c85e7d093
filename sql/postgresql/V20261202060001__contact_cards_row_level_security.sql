-- Row level security on a contact's e-mails, phones, addresses, web addresses and labels
-- (common/V20261202060000): a row is visible, and may be written, when its contact is, as activities are
-- (V20261127040000): the subquery reads contacts through their own policy, one primary-key probe per row.

GRANT SELECT, INSERT, UPDATE, DELETE ON public.contact_emails, public.contact_phones, public.contact_addresses,
    public.contact_urls, public.contact_labels TO kontak_app, kontak_maintenance;

ALTER TABLE public.contact_emails ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.contact_phones ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.contact_addresses ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.contact_urls ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.contact_labels ENABLE ROW LEVEL SECURITY;

CREATE POLICY of_accessible_contacts ON public.contact_emails TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = contact_emails.contact_id));
CREATE POLICY of_accessible_contacts ON public.contact_phones TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = contact_phones.contact_id));
CREATE POLICY of_accessible_contacts ON public.contact_addresses TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = contact_addresses.contact_id));
CREATE POLICY of_accessible_contacts ON public.contact_urls TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = contact_urls.contact_id));
CREATE POLICY of_accessible_contacts ON public.contact_labels TO kontak_app
    USING (EXISTS (SELECT 1 FROM public.contacts c WHERE c.id = contact_labels.contact_id));

CREATE POLICY maintenance ON public.contact_emails TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.contact_phones TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.contact_addresses TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.contact_urls TO kontak_maintenance USING (true) WITH CHECK (true);
CREATE POLICY maintenance ON public.contact_labels TO kontak_maintenance USING (true) WITH CHECK (true);
