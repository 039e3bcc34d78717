// The manifests an LMS reads from a package: SCORM 1.2's imsmanifest.xml and cmi5's cmi5.xml. Titles and task
// text are the author's: written as XML text, escaped, never markup.

/** What the package is about, from the activity or the lesson. */
export interface PackageInfo {
  id: string
  title: string
  description: string
  /** 0–100: the score that passes; null: nothing to pass, the learner completes it (a lesson) */
  passPercent: number | null
  /** the app's page inside the package, with the query that opens the activity and names the LMS's API */
  launch: string
}

/** A character XML 1.0 cannot carry at all (terminal controls among them): dropped, not passed on. */
function xmlForbidden(code: number): boolean {
  return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0xfffe || code === 0xffff
}

export function xmlText(s: string): string {
  return Array.from(s, (c) => (xmlForbidden(c.codePointAt(0) ?? 0) ? '' : c))
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** SCORM 1.2 content packaging: one organization, one item, one SCO listing every file of the package. */
export function scormManifest(info: PackageInfo, files: readonly string[]): string {
  const id = xmlText(info.id)
  const fileLines = files.map((f) => `      <file href="${xmlText(f)}"/>`).join('\n')
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="gwlb-studio-${id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="org-${id}">
    <organization identifier="org-${id}">
      <title>${xmlText(info.title)}</title>
      <item identifier="item-${id}" identifierref="sco-${id}">
        <title>${xmlText(info.title)}</title>
${info.passPercent === null ? '' : `        <adlcp:masteryscore>${info.passPercent}</adlcp:masteryscore>\n`}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="sco-${id}" type="webcontent" adlcp:scormtype="sco" href="${xmlText(info.launch)}">
${fileLines}
    </resource>
  </resources>
</manifest>
`
}

/** cmi5's course structure: one course with one assignable unit, passed at the activity's pass mark (a lesson: completed). */
export function cmi5Course(info: PackageInfo): string {
  const iri = `https://gwlb-studio.example/activities/${encodeURIComponent(info.id)}`
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${xmlText(iri)}">
    <title><langstring lang="en">${xmlText(info.title)}</langstring></title>
    <description><langstring lang="en">${xmlText(info.description)}</langstring></description>
  </course>
  <au id="${xmlText(`${iri}/au`)}" ${info.passPercent === null ? 'moveOn="Completed"' : `moveOn="CompletedOrPassed" masteryScore="${(info.passPercent / 100).toFixed(2)}"`} launchMethod="OwnWindow">
    <title><langstring lang="en">${xmlText(info.title)}</langstring></title>
    <description><langstring lang="en">${xmlText(info.description)}</langstring></description>
    <url>${xmlText(info.launch)}</url>
  </au>
</courseStructure>
`
}
