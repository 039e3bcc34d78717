// Who is in the room, as the others' awareness states say: the people, the presenter, how many follow, and for the
// presenter on a quiz step, the class's answers.
import type { LessonState } from '../lessons/runner'
import { type Person, readPresence, type SessionRole, tallyOf } from './presence'
import type { LiveState } from './state'

/** The awareness states of a room: this person's client id, and everyone's state by client id. */
export interface RoomStates {
  clientID: number
  getStates(): Map<number, unknown>
}

export type RoomView = Pick<LiveState, 'people' | 'presenter' | 'followers' | 'tally'>

export function roomView(awareness: RoomStates, mine: SessionRole | null, lesson: LessonState): RoomView {
  const people: Person[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const p = readPresence(clientId, state)
    if (p) people.push(p)
  }
  const presenter = people.find((p) => p.role === 'presenter') ?? null
  const followers = people.filter((p) => p.role === 'follower').length + (mine === 'follower' ? 1 : 0)
  let tally: LiveState['tally'] = null
  if (mine === 'presenter') {
    const step = lesson.lesson?.steps[lesson.stepIndex]
    if (lesson.lesson && step?.action?.kind === 'quiz') tally = tallyOf(people, lesson.lesson.id, lesson.stepIndex)
  }
  return { people, presenter, followers, tally }
}
