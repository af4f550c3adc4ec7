/** A file of the wholesaler (image, manual, barcode image); `url` is where the browser loads it. */
export interface Media {
  sequence: number;
  type: string;
  primary: boolean;
  hash: string;
  mimeType: string;
  ext: string;
  size: number | null;
  url: string;
}
