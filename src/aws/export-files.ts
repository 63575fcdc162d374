// An export's own files in S3, thin: ListObjectsV2, a whole small object (the metadata JSON),
// and a Parquet footer read with ranged GETs (hyparquet reads it from the file's tail). Loaded as
// its own chunk, with the S3 client, only by a run that reaches a COMPLETE export's tables.
import {
  GetObjectCommand,
  ListObjectsV2Command,
  S3Client,
  type S3ClientConfig
} from '@aws-sdk/client-s3'
import { parquetMetadataAsync, type SchemaElement } from 'hyparquet'
import { errorCode, tagOperation } from '../errors.js'
import type { ListPage, ListRequest } from '../tables/layout.js'

export interface ExportFilesApi {
  list(bucket: string, request: ListRequest): Promise<ListPage>
  /** The object as UTF-8 text (the export's metadata files are small JSON). */
  text(bucket: string, key: string): Promise<string>
  /** The Parquet schema from the file's footer, read from its tail. */
  schema(bucket: string, key: string, size: number): Promise<SchemaElement[]>
}

/** The footer of a Spark-written file is a few KiB; a larger one takes one more GET. */
const FOOTER_FETCH_BYTES = 64 * 1024

/**
 * The S3 client for these reads. The SDK's default (WHEN_SUPPORTED) asks for the object's checksum
 * on every GetObject and checks the body against it; S3 sends none for a range, but moto and
 * other emulators send the whole object's, which a footer's range never matches. WHEN_REQUIRED
 * asks for and checks none (the body still comes over TLS).
 */
export function newS3Client(options: S3ClientConfig): S3Client {
  return new S3Client({ ...options, responseChecksumValidation: 'WHEN_REQUIRED' })
}

/** `s3` returns the session's current client (it is replaced when credentials are renewed). */
export function exportFilesApi(s3: () => S3Client): ExportFilesApi {
  return {
    async list(bucket, request) {
      try {
        return await s3().send(new ListObjectsV2Command({ Bucket: bucket, ...request }))
      } catch (error) {
        throw tagged(error, 'ListObjectsV2')
      }
    },
    async text(bucket, key) {
      try {
        const answer = await s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }))
        return (await answer.Body?.transformToString('utf8')) ?? ''
      } catch (error) {
        throw tagged(error, 'GetObject')
      }
    },
    async schema(bucket, key, size) {
      const file = {
        byteLength: size,
        slice: async (start: number, end = size): Promise<ArrayBuffer> => {
          try {
            const answer = await s3().send(
              new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` })
            )
            const bytes = (await answer.Body?.transformToByteArray()) ?? new Uint8Array()
            return bytes.buffer.slice(
              bytes.byteOffset,
              bytes.byteOffset + bytes.byteLength
            ) as ArrayBuffer
          } catch (error) {
            throw tagged(error, 'GetObject')
          }
        }
      }
      const metadata = await parquetMetadataAsync(file, { initialFetchSize: FOOTER_FETCH_BYTES })
      return metadata.schema
    }
  }
}

/**
 * The operation an error came from; a refusal that names kms: is the key's (the files are
 * SSE-KMS encrypted and reading them needs kms:Decrypt), any other is S3's.
 */
function tagged(error: unknown, operation: string): unknown {
  const message = error instanceof Error ? error.message : String(error)
  const kms = /\bkms:|KMS\.|KMS key/i.test(message) || errorCode(error).startsWith('KMS')
  return tagOperation(error, operation, kms ? 'kms' : 's3')
}
