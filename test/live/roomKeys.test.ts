// A session's keys: the class code and the room id follow from the editor key one way, codes survive being typed.
import { describe, expect, it } from 'vitest'
import {
  authorize,
  classCodeOf,
  groupedCode,
  keyRole,
  newEditorKey,
  roomIdOf,
  roomOfToken,
} from '../../src/live/roomKeys'

describe('room keys', () => {
  it('gives each session a new editor key, class code and room', async () => {
    const keys = new Set(Array.from({ length: 50 }, () => newEditorKey()))
    expect(keys.size).toBe(50)
    const key = [...keys][0]
    expect(keyRole(key)).toBe('editor')
    const code = await classCodeOf(key)
    expect(keyRole(code)).toBe('follower')
    expect(await roomIdOf(code)).not.toBe(await roomIdOf(await classCodeOf([...keys][1])))
  })

  it('tells the relay an editor from a follower, and refuses the rest', async () => {
    const key = newEditorKey()
    const code = await classCodeOf(key)
    const room = await roomIdOf(code)
    expect(await authorize(room, key)).toBe('editor')
    expect(await authorize(room, code)).toBe('follower')
    expect(await authorize(room, room)).toBeNull()
    expect(await authorize(room, newEditorKey())).toBeNull()
    expect(await authorize(room, 'not a key')).toBeNull()
  })

  it('accepts a code as people type it: grouped, lower case, O for 0', async () => {
    const code = await classCodeOf(newEditorKey())
    const typed = groupedCode(code).toLowerCase().replace(/0/g, 'o')
    expect(await roomOfToken(typed)).toEqual(await roomOfToken(code))
    expect(groupedCode(code)).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/)
  })
})
