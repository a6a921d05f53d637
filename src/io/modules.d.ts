declare module 'html-encoding-sniffer' {
  /** The WHATWG encoding sniffing algorithm: BOM, then the transport label, then a `<meta>` prescan of the first 1024 bytes, else the default. */
  export default function htmlEncodingSniffer(
    bytes: Uint8Array,
    options?: { xml?: boolean; transportLayerEncodingLabel?: string; defaultEncoding?: string },
  ): string;
}
