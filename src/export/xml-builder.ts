import XMLBuilder from 'fast-xml-builder';

/** The element tree fast-xml-builder takes: `@_` attributes, `#text` content, arrays for repeats. */
export type XmlTree = { [name: string]: XmlValue };
type XmlValue = string | number | boolean | XmlTree | XmlTree[];

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
});

/** Serialises an element tree as an indented UTF-8 XML document; the builder escapes every value. */
export function buildXml(tree: XmlTree): string {
  return builder.build({ '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' }, ...tree });
}
