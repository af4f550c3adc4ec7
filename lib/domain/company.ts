/** A customer of the wholesaler: a dealer's company, known by its customer code (e.g. EA00001). */
export interface CompanyAddress {
  street: string;
  number: string;
  numberSuffix: string | null;
  postalCode: string;
  city: string;
  countryCode: string;
  country: string;
  shippingEmail: string | null;
  isDefault: boolean;
}

export interface Company {
  code: string;
  name: string;
  address: CompanyAddress | null;
}
