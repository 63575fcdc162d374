// The run record's Glue history: written as Glue answers, in the order the catalog phase calls it.
import { describe, expect, test } from '@jest/globals'
import { RunRecord } from '../src/record.js'

describe('RunRecord, glue-history', () => {
  test('partitions added, already there and dropped are counted per history table', () => {
    const record = new RunRecord()
    record.glueDatabase('exports', false)
    record.glueHistory('2026-11-25', 'n-1', 30)
    record.historyPartition('db.public.a', 'db_public_a_history', true)
    record.historyPartition('db.public.b', 'db_public_b_history', false)
    record.droppedHistoryPartitions(3)
    expect(record.glue?.history).toEqual({
      exportDate: '2026-11-25',
      exportTask: 'n-1',
      tables: new Map([
        ['db.public.a', 'db_public_a_history'],
        ['db.public.b', 'db_public_b_history']
      ]),
      added: 1,
      existing: 1,
      days: 30,
      dropped: 3
    })
  })

  test('no horizon: no days; out of order calls are bugs, said so', () => {
    const record = new RunRecord()
    expect(() => record.glueHistory('2026-11-25', 'n-1')).toThrow('glueHistory before glueDatabase')
    record.glueDatabase('exports', true)
    expect(() => record.historyPartition('t', 'h', true)).toThrow(
      'historyPartition before glueHistory'
    )
    record.droppedHistoryPartitions(2)
    expect(record.glue?.history).toBeUndefined()
    expect(record.glueHistory('2026-11-25', 'n-1')).not.toHaveProperty('days')
  })
})
